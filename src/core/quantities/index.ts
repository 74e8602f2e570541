// Reading values from an outlet's words and comparing them across outlets.
export { readValue, type ReadContext } from './read-value';
export { compareReports, overlaps, type ClaimComparison, type KindComparison, type ReportValues } from './compare';
export { formatValue, kindLabel } from './format';
export { UnreadableValueError, type Hedge, type Interval, type ReadValue, type Unit } from './types';
