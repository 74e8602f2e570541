// Light suffix stripping: enough that "fighters/fighting/fight" and "trapped/traps" meet.
// Kept by hand rather than the Porter stemmer (the `stemmer` package): Porter conflates more
// forms, and on the labelled pages that costs precision (leave one outlet out P 0.941 → 0.932,
// retelling page P 1.000 → 0.923; measured in docs/matching-accuracy.md).

export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('er') && w.length > 5) w = w.slice(0, -2);
  // "trapp" → "trap", "arrange"/"arrang" → "arrang".
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[aeiouls]/.test(w[w.length - 1]!)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}
