// Reads the value an outlet states from its own verbatim words: the figure or range, the unit,
// and the hedge, so the database never retypes a number the outlet printed.
import { readDate } from './dates';
import { readFigureAt, type ReadFigure } from './figures';
import { applyHedge, hedgeEndingAt } from './hedges';
import { dimensionOfKind, type QuantityKind } from './kinds';
import { unitForWord } from './units';
import { isDash, isDigits, tokenize } from './value-tokens';
import { UnreadableValueError, type Interval, type ReadValue, type Unit } from './types';

export interface ReadContext {
  /** The story's date (YYYY-MM-DD), which supplies the year a quote leaves out. */
  storyDate?: string;
}

const RANGE_CONNECTORS = new Set(['to', 'or', 'and']);

export function readValue(words: string, kind: QuantityKind, context: ReadContext = {}): ReadValue {
  const dimension = dimensionOfKind(kind);
  if (dimension === 'date') {
    const date = readDate(words, context.storyDate);
    const range = { low: date.day, high: date.day };
    return { kind, words, hedgeWords: null, hedge: null, figureWords: date.iso, stated: range, unit: 'date', vague: false, range };
  }

  const tokens = tokenize(words);
  let start = -1;
  let first: ReadFigure | null = null;
  for (let i = 0; i < tokens.length && !first; i++) {
    first = readFigureAt(tokens, i);
    if (first) start = i;
  }
  if (!first) throw new UnreadableValueError(words, 'no figure found');

  const hedgeFound = hedgeEndingAt(tokens, start);
  let end = first.end;
  let unit = unitAt(tokens, end);
  if (unit) end += unit.width;
  let stated: Interval = first.interval;
  let figureEnd = first.end;

  // A range: "six to seven kilometres", "6km to 7km", "six or seven", "6-7 km".
  const connector = tokens[end];
  if (connector !== undefined && (RANGE_CONNECTORS.has(connector) || isDash(connector))) {
    const second = readFigureAt(tokens, end + 1);
    if (second) {
      stated = { low: Math.min(stated.low, second.interval.low), high: Math.max(stated.high, second.interval.high) };
      end = second.end;
      figureEnd = second.end;
      const secondUnit = unitAt(tokens, end);
      if (secondUnit) {
        if (unit && unit.unit !== secondUnit.unit) {
          throw new UnreadableValueError(words, `a range in two units (${unit.unit} and ${secondUnit.unit})`);
        }
        unit = secondUnit;
        end += secondUnit.width;
      }
    }
  }

  for (let i = end; i < tokens.length; i++) {
    if (isDigits(tokens[i])) throw new UnreadableValueError(words, 'more than one figure; give each value its own quantity');
  }

  if (dimension !== 'count' && !unit) {
    throw new UnreadableValueError(words, `no unit of ${dimension === 'distance' ? 'length (km, miles)' : 'time (days, months)'}`);
  }
  if (dimension === 'count' && unit) {
    throw new UnreadableValueError(words, `a ${kind} count cannot be measured in ${unit.unit}`);
  }
  if (unit && unit.dimension !== dimension) {
    throw new UnreadableValueError(words, `${unit.unit} does not measure ${kind}`);
  }

  const hedgeWords = hedgeFound ? tokens.slice(hedgeFound.start, start).join(' ') : null;
  const hedge = hedgeFound?.hedge ?? null;
  const toBase = unit?.toBase ?? 1;
  const hedged = applyHedge(hedge, stated);
  return {
    kind,
    words,
    hedgeWords,
    hedge,
    figureWords: tokens.slice(start, figureEnd).filter((t) => !unitForWord(t)).join(' ').replace(/ ?- ?/g, '-'),
    stated,
    unit: (unit?.unit ?? 'count') as Unit,
    vague: first.vague,
    range: { low: hedged.low * toBase, high: hedged.high * toBase },
  };
}

/** The unit right after a figure: "6 km", or joined by a hyphen as in "four-mile". */
function unitAt(tokens: readonly string[], index: number) {
  const hyphenated = isDash(tokens[index]);
  const token = tokens[hyphenated ? index + 1 : index];
  const info = token === undefined ? null : unitForWord(token);
  return info && { ...info, width: hyphenated ? 2 : 1 };
}
