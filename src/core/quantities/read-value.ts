// Reads the value an outlet states from its own verbatim words: the figure or range, the unit,
// and the hedge, so a pack never retypes a number the outlet printed. Values stated in words
// (a place, a name, a credit, a stance) carry the curator's normalised wording instead.
import { foldText } from '../text/fold';
import { readDate, type DateContext } from './dates';
import { readFigureAt, type ReadFigure } from './figures';
import { formatFigure, formatInterval, formatMoney, formatNumber, formatTime, withHedge } from './format';
import { applyHedge, hedgeEndingAt, hedgeStartingAt } from './hedges';
import { measureOfKind, type ValueMeasure } from './kinds';
import { NAUTICAL, nauticalMile, unitForWord } from './units';
import { isDash, isDigits, tokenize, tokenSpans, wordsBetween, type TokenSpans } from './value-tokens';
import {
  UnreadableValueError,
  type FigureValue,
  type Hedge,
  type Interval,
  type ReadValue,
  type Unit,
  type ValueSpec,
  type WordingValue,
} from './types';

/** The story's date (a missing year) and the article's (weekdays, "yesterday"). */
export type ReadContext = DateContext;

const RANGE_CONNECTORS = new Set(['to', 'or', 'and']);
const DAYS_PER_YEAR = 365.25;

export function readValue(spec: ValueSpec, context: ReadContext = {}): ReadValue {
  const measure = measureOfKind(spec.kind);
  const base = { kind: spec.kind, of: spec.of ?? null, measure, words: spec.text };
  if (measure === 'words') return readWording(spec, base);
  const spans = tokenSpans(spec.text);
  const tokens = spans.tokens;
  const figure = { ...base, spans };
  if (measure !== 'date' && measure !== 'time' && statesNegative(spec.text)) {
    throw new UnreadableValueError(
      spec.text,
      `${spec.kind === 'money' ? 'a sum of money' : spec.kind === 'age' ? 'an age' : `a ${spec.kind}`} cannot be below zero`,
    );
  }
  switch (measure) {
    case 'date':
      return readDateValue(tokens, spec.text, context, figure);
    case 'time':
      return readTimeOfDay(spec.text, base);
    case 'money':
      return readMoney(tokens, spec, figure);
    case 'age':
      return readAge(tokens, spec.text, context, figure);
    default:
      return readMeasured(tokens, spec.text, measure, figure);
  }
}

/**
 * Whether the words put a minus before a figure ("-5 people", "$-5", "aged -4", "minus five"):
 * counts, lengths, durations, ages and sums are never below zero, and reading "-5" as 5 would
 * compare a figure nobody printed. A dash between two figures is a range ("6 -7 km"), and one
 * inside a word is part of it ("Covid-19").
 */
function statesNegative(words: string): boolean {
  const folded = foldText(words).text;
  if (/\bminus\s+[a-z0-9]/.test(folded)) return true;
  for (const m of folded.matchAll(/-(?=\d)/g)) {
    if (/[a-z0-9]/.test(folded[m.index - 1] ?? '')) continue;
    const before = tokenize(folded.slice(0, m.index)).at(-1);
    if (before !== undefined && (isDigits(before) || unitForWord(before))) continue;
    return true;
  }
  return false;
}

type Base = Pick<FigureValue, 'kind' | 'of' | 'measure' | 'words'>;
/** A figure's base, with where its words' tokens stand (to give back the figure's words as written). */
type FigureBase = Base & { spans: TokenSpans };

/** The figure's own words as written, from token `first` to token `last`: "almost 4,000", "four-mile". */
function saidOf(base: FigureBase, first: number, last: number): string {
  return last < first ? base.words.trim() : wordsBetween(base.words, base.spans, first, last);
}

/** Case, spacing and punctuation ignored: "The SDF" and "the SDF." are one wording. */
export function wordingKey(wording: string): string {
  return foldText(wording)
    .text.replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function readWording(spec: ValueSpec, base: Base): WordingValue {
  const wording = spec.value?.trim() ?? '';
  if (wording === '' || wordingKey(wording) === '')
    throw new UnreadableValueError(spec.text, `a ${spec.kind} needs the curator's wording in "value"`);
  return { ...base, type: 'wording', wording, key: wordingKey(wording), display: wording };
}

interface FigureSpan {
  /** Token index of the figure, and one past the last token read (figure, unit, second figure). */
  start: number;
  end: number;
  /** One past the figure's own words (before a trailing unit). */
  figureEnd: number;
  stated: Interval;
  unit: { unit: Unit; toBase: number; dimension: string } | null;
  vague: boolean;
  hedge: Hedge | null;
  hedgeWords: string | null;
  /** The hedge follows the figure ("200 or more"). */
  hedgeAfter: boolean;
  /** The first and last token of the hedge, figure and unit as one phrase ("almost 4,000", "200 or more"). */
  saidFirst: number;
  saidLast: number;
}

/**
 * The first figure in the words, with the hedge before (or after) it, the unit after it, and a
 * second figure making a range ("six to seven kilometres", "6km to 7km", "six or seven", "6-7 km").
 */
function readFigureSpan(tokens: readonly string[], words: string, withUnits: boolean): FigureSpan {
  let start = -1;
  let first: ReadFigure | null = null;
  for (let i = 0; i < tokens.length && !first; i++) {
    first = readFigureAt(tokens, i);
    if (first) start = i;
  }
  if (!first) throw new UnreadableValueError(words, 'no figure found');
  const unitHere = (at: number) => (withUnits ? unitAt(tokens, at) : null);

  let end = first.end;
  let unit = unitHere(end);
  if (unit) end += unit.width;
  let stated: Interval = first.interval;
  let figureEnd = first.end;
  const connector = tokens[end];
  if (connector !== undefined && (RANGE_CONNECTORS.has(connector) || isDash(connector))) {
    const second = readFigureAt(tokens, end + 1);
    if (second) {
      stated = { low: Math.min(stated.low, second.interval.low), high: Math.max(stated.high, second.interval.high) };
      end = second.end;
      figureEnd = second.end;
      const secondUnit = unitHere(end);
      if (secondUnit) {
        if (unit && unit.unit !== secondUnit.unit)
          throw new UnreadableValueError(words, `a range in two units (${unit.unit} and ${secondUnit.unit})`);
        unit = secondUnit;
        end += secondUnit.width;
      }
    }
  }
  for (let i = end; i < tokens.length; i++) {
    if (isDigits(tokens[i]))
      throw new UnreadableValueError(words, 'more than one figure; give each value its own entry');
  }
  const before = hedgeEndingAt(tokens, start);
  const after = before ? null : hedgeStartingAt(tokens, end);
  return {
    start,
    end,
    figureEnd,
    stated,
    unit: unit && { unit: unit.unit, toBase: unit.toBase, dimension: unit.dimension },
    vague: first.vague,
    hedge: before?.hedge ?? after?.hedge ?? null,
    hedgeWords: before
      ? tokens.slice(before.start, start).join(' ')
      : after
        ? tokens.slice(end, after.end).join(' ')
        : null,
    hedgeAfter: after !== null,
    saidFirst: before ? before.start : start,
    saidLast: (after ? after.end : end) - 1,
  };
}

/** The unit right after a figure: "6 km", "six nautical miles", or hyphenated as in "four-mile". */
function unitAt(tokens: readonly string[], index: number) {
  const hyphenated = isDash(tokens[index]);
  const at = hyphenated ? index + 1 : index;
  const token = tokens[at];
  if (token === undefined) return null;
  if (token === NAUTICAL) {
    const info = nauticalMile(tokens[at + 1]);
    return info && { ...info, width: (hyphenated ? 1 : 0) + 2 };
  }
  const info = unitForWord(token);
  return info && { ...info, width: hyphenated ? 2 : 1 };
}

function figureWordsOf(tokens: readonly string[], span: FigureSpan): string {
  return tokens
    .slice(span.start, span.figureEnd)
    .filter((t) => !unitForWord(t) && t !== NAUTICAL)
    .join(' ')
    .replace(/ ?- ?/g, '-');
}

function figureValue(
  figure: FigureBase,
  span: FigureSpan,
  tokens: readonly string[],
  unit: Unit,
  toBase: number,
  extra: Partial<FigureValue> = {},
): FigureValue {
  const { spans: _spans, ...base } = figure;
  const hedged = applyHedge(span.hedge, span.stated, base.measure);
  const figureWords = figureWordsOf(tokens, span);
  return {
    ...base,
    type: 'figure',
    said: saidOf(figure, span.saidFirst, span.saidLast),
    hedgeWords: span.hedgeWords,
    hedge: span.hedge,
    figureWords,
    stated: span.stated,
    unit,
    currency: null,
    vague: span.vague,
    range: { low: hedged.low * toBase, high: hedged.high * toBase },
    display: formatFigure({
      hedgeWords: span.hedgeWords,
      hedgeAfter: span.hedgeAfter,
      figureWords,
      vague: span.vague,
      low: span.stated.low,
      high: span.stated.high,
      unit,
    }),
    ...extra,
  };
}

/** Counts (no unit), distances and durations (a unit of their dimension is required). */
function readMeasured(tokens: readonly string[], words: string, measure: ValueMeasure, base: FigureBase): FigureValue {
  const span = readFigureSpan(tokens, words, true);
  const unit = span.unit;
  if (measure === 'count') {
    if (unit) throw new UnreadableValueError(words, `a count cannot be measured in ${unit.unit}`);
    return figureValue(base, span, tokens, 'count', 1);
  }
  if (!unit)
    throw new UnreadableValueError(
      words,
      `no unit of ${measure === 'distance' ? 'length (km, miles)' : 'time (minutes, days, months)'}`,
    );
  if (unit.dimension !== measure) throw new UnreadableValueError(words, `${unit.unit} does not measure a ${measure}`);
  return figureValue(base, span, tokens, unit.unit, unit.toBase);
}

/** "63-year-old", "68", "aged 63", "in his 60s", "six-month-old"; "built in 1998" through the story's date. */
function readAge(tokens: readonly string[], words: string, context: ReadContext, base: FigureBase): FigureValue {
  const yearAt = tokens.findIndex((t) => /^\d{4}$/.test(t));
  if (yearAt >= 0) {
    if (context.storyDate === undefined)
      throw new UnreadableValueError(words, 'a year of birth or build, and no story date to count from');
    const year = Number(tokens[yearAt]);
    const high = Number(context.storyDate.slice(0, 4)) - year;
    if (high < 0) throw new UnreadableValueError(words, `${year} is after the story's date`);
    const low = Math.max(0, high - 1);
    const span: FigureSpan = {
      start: yearAt,
      end: yearAt + 1,
      figureEnd: yearAt + 1,
      stated: { low: year, high: year },
      unit: null,
      vague: false,
      hedge: null,
      hedgeWords: null,
      hedgeAfter: false,
      saidFirst: 0,
      saidLast: tokens.length - 1,
    };
    return {
      ...figureValue(base, span, tokens, 'year', 1),
      stated: { low, high },
      range: { low, high },
      display: `${year} (${formatInterval(low, high)} years)`,
    };
  }
  const decadeAt = tokens.findIndex((t, i) => /^\d*[1-9]0$/.test(t) && tokens[i + 1] === 's');
  if (decadeAt >= 0) {
    const decade = Number(tokens[decadeAt]);
    const part = tokens[decadeAt - 1];
    const [from, to] = part === 'early' ? [0, 3] : part === 'mid' ? [3, 6] : part === 'late' ? [6, 9] : [0, 9];
    const range = { low: decade + from, high: decade + to };
    const figureWords = `${part === 'early' || part === 'mid' || part === 'late' ? `${part} ` : ''}${decade}s`;
    const span: FigureSpan = {
      start: decadeAt,
      end: decadeAt + 2,
      figureEnd: decadeAt + 2,
      stated: range,
      unit: null,
      vague: true,
      hedge: null,
      hedgeWords: null,
      hedgeAfter: false,
      saidFirst: 0,
      saidLast: tokens.length - 1,
    };
    return {
      ...figureValue(base, span, tokens, 'year', 1),
      figureWords,
      display: `${figureWords} (${formatInterval(range.low, range.high)})`,
    };
  }
  const span = readFigureSpan(tokens, words, true);
  if (span.unit && span.unit.dimension !== 'duration')
    throw new UnreadableValueError(words, `an age cannot be measured in ${span.unit.unit}`);
  const unit = span.unit?.unit ?? 'year';
  const toYears = span.unit ? span.unit.toBase / DAYS_PER_YEAR : 1;
  // "63-year-old": the age's words run on to "old".
  const old = isDash(tokens[span.saidLast + 1]) && tokens[span.saidLast + 2] === 'old' ? 2 : 0;
  return figureValue(base, { ...span, saidLast: span.saidLast + old }, tokens, unit, toYears);
}

function readDateValue(
  tokens: readonly string[],
  words: string,
  context: ReadContext,
  figure: FigureBase,
): FigureValue {
  const { spans: _spans, ...base } = figure;
  const date = readDate(tokens, words, context);
  const before = hedgeEndingAt(tokens, date.start);
  const after = before ? null : hedgeStartingAt(tokens, date.end);
  const hedge = before?.hedge ?? after?.hedge ?? null;
  const hedgeWords = before
    ? tokens.slice(before.start, date.start).join(' ')
    : after
      ? tokens.slice(date.end, after.end).join(' ')
      : null;
  const stated = { low: date.low, high: date.high };
  return {
    ...base,
    type: 'figure',
    said: saidOf(figure, before ? before.start : date.start, (after ? after.end : date.end) - 1),
    hedgeWords,
    hedge,
    figureWords: date.display,
    stated,
    unit: 'date',
    currency: null,
    vague: date.low !== date.high,
    range: applyHedge(hedge, stated, 'date'),
    display: withHedge(date.display, hedgeWords, after !== null),
  };
}

// "19:41", "7.41pm", "8 pm", "7.45 p.m.", "1941" (24-hour, four digits), "noon", "midnight".
const TIME_PATTERN =
  /(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b\.?|(\d{1,2})[:h](\d{2})\b|\b([01]\d|2[0-3])([0-5]\d)\b|\b(noon|midday|midnight)\b/g;

function readTimeOfDay(words: string, base: Base): FigureValue {
  const folded = foldText(words).text;
  const found = [...folded.matchAll(TIME_PATTERN)];
  if (found.length === 0) throw new UnreadableValueError(words, 'no time of day ("19:41", "7.41pm", "1941")');
  if (found.length > 1)
    throw new UnreadableValueError(words, 'more than one time of day; give each value its own entry');
  const m = found[0]!;
  let minutes: number;
  if (m[3] !== undefined) {
    const hour = Number(m[1]);
    if (hour < 1 || hour > 12) throw new UnreadableValueError(words, `${hour}${m[3]}m is not a time`);
    minutes = ((hour % 12) + (m[3] === 'p' ? 12 : 0)) * 60 + Number(m[2] ?? 0);
  } else if (m[4] !== undefined) {
    minutes = Number(m[4]) * 60 + Number(m[5]);
  } else if (m[6] !== undefined) {
    minutes = Number(m[6]) * 60 + Number(m[7]);
  } else {
    minutes = m[8] === 'midnight' ? 0 : 12 * 60;
  }
  if (minutes >= 24 * 60 || Number(m[2] ?? m[5] ?? 0) > 59)
    throw new UnreadableValueError(words, `"${m[0]}" is not a time of day`);
  const before = tokenize(folded.slice(0, m.index));
  const after = tokenize(folded.slice(m.index! + m[0].length));
  const leading = hedgeEndingAt(before, before.length);
  const trailing = leading ? null : hedgeStartingAt(after, 0);
  const hedge = leading?.hedge ?? trailing?.hedge ?? null;
  const hedgeWords = leading
    ? before.slice(leading.start).join(' ')
    : trailing
      ? after.slice(0, trailing.end).join(' ')
      : null;
  const stated = { low: minutes, high: minutes };
  return {
    ...base,
    type: 'figure',
    // A time's words are short ("just after 8pm", "19:41"): as written.
    said: words.trim(),
    hedgeWords,
    hedge,
    figureWords: m[0].trim(),
    stated,
    unit: 'time',
    currency: null,
    vague: false,
    range: applyHedge(hedge, stated, 'time'),
    display: withHedge(formatTime(minutes), hedgeWords, trailing !== null),
  };
}

const CURRENCY_SIGNS: ReadonlyArray<[string, string]> = [
  ['us$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['$', 'USD'],
  ['¥', 'JPY'],
];
const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['eur', 'EUR'],
  ['dollar', 'USD'],
  ['dollars', 'USD'],
  ['usd', 'USD'],
  ['pound', 'GBP'],
  ['pounds', 'GBP'],
  ['sterling', 'GBP'],
  ['gbp', 'GBP'],
  ['yen', 'JPY'],
  ['jpy', 'JPY'],
]);
/** Abbreviated scales written after a sum: "£5m", "$3bn", "€20k". */
const MONEY_SCALES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['m', 1e6],
  ['mn', 1e6],
  ['bn', 1e9],
  ['billion', 1e9],
]);

/** "€250", "250 euros", "$1.2 million", "£5m"; the currency from the words or the pack's `currency`. */
function readMoney(tokens: readonly string[], spec: ValueSpec, base: FigureBase): FigureValue {
  const words = spec.text;
  const lower = foldText(words).text;
  const named =
    CURRENCY_SIGNS.find(([sign]) => lower.includes(sign))?.[1] ??
    tokens.map((t) => CURRENCY_WORDS.get(t)).find((c) => c !== undefined);
  if (named !== undefined && spec.currency !== undefined && named !== spec.currency) {
    throw new UnreadableValueError(words, `the words name ${named}, the pack says ${spec.currency}`);
  }
  const currency = named ?? spec.currency;
  if (currency === undefined) throw new UnreadableValueError(words, 'no currency in the words; give it as "currency"');
  const span = readFigureSpan(tokens, words, false);
  const scale = MONEY_SCALES.get(tokens[span.figureEnd] ?? '') ?? 1;
  const stated = { low: span.stated.low * scale, high: span.stated.high * scale };
  const scaled = { ...span, stated };
  // The sum's words run from its sign ("$1.2 million", "US$5m") to its scale or currency word ("250 euros").
  let last = scale === 1 ? span.saidLast : Math.max(span.saidLast, span.figureEnd);
  if (CURRENCY_WORDS.has(tokens[last + 1] ?? '')) last += 1;
  const sign = /(?:US)?[$€£¥]\s?$/i.exec(words.slice(0, base.spans.starts[span.saidFirst]))?.[0].length ?? 0;
  const said = words.slice(base.spans.starts[span.saidFirst]! - sign, base.spans.ends[last]);
  const value = figureValue(base, scaled, tokens, 'money', 1, { currency, said });
  const amount = span.vague
    ? `${value.figureWords} (${formatInterval(stated.low, stated.high)})`
    : stated.low === stated.high
      ? formatNumber(stated.low)
      : `${formatNumber(stated.low)}–${formatNumber(stated.high)}`;
  return { ...value, display: withHedge(formatMoney(amount, currency), span.hedgeWords, span.hedgeAfter) };
}
