// A problem found in a pack file, placed precisely enough for a curator to fix it:
// which claim, which report (and its article), which field.

export interface Problem {
  /** The claim's id, or null when the problem is elsewhere (an outlet, an article). */
  claim: string | null;
  /** The report's index within the claim (0-based, as in the JSON), or null. */
  report: number | null;
  /** Where, in words: 'claim "convoy-length", report 1 (article 5pillars-2017-11-16)'. */
  where: string;
  /** The field, written as a JSON path below `where`: "quote", "quantities[0].text". */
  field: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.where}, ${problem.field}: ${problem.message}`;
}

export function claimPlace(claim: string, report?: { index: number; article: string }): string {
  const base = `claim "${claim}"`;
  return report ? `${base}, report ${report.index} (article ${report.article})` : base;
}

/** Thrown by readPack and loadDatabase when a pack cannot be used; lists every problem found. */
export class PackError extends Error {
  constructor(
    readonly problems: readonly Problem[],
    /** The pack's id, where the file got far enough to say. */
    readonly packId: string | null = null,
  ) {
    super(
      `${packId === null ? 'the claim pack' : `the claim pack "${packId}"`} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'PackError';
  }
}
