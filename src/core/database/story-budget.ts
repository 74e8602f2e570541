// How long one pack may take to be prepared (checked, compiled and indexed) before the service
// worker gives up on it. The bounds (limits.ts) keep every pack's work near-linear and finite, but
// the worst pack they allow still takes seconds, and nothing else is matched meanwhile: a pack
// that takes longer than its budget is stopped, left out and reported, so that it never holds up
// the bundled story or the reader's other packs. Work is charged claim by claim to the claim's
// story (a pack's id), so one pack is stopped within a claim's work of its budget running out.

/** Thrown by StoryBudget.charge when a story has used up its budget. */
export class StoryTooSlow extends Error {
  constructor(
    readonly story: string,
    readonly elapsedMs: number,
  ) {
    super(`the pack "${story}" took more than ${Math.round(elapsedMs)} ms to prepare`);
    this.name = 'StoryTooSlow';
  }
}

export class StoryBudget {
  private readonly spent = new Map<string, number>();
  private current: string | null = null;
  private since: number;

  /**
   * @param limitMs what one story may spend in all
   * @param now a clock in milliseconds (core has no timers of its own)
   * @param exempt stories never stopped (the bundled ones, whose index ships prebuilt)
   */
  constructor(
    readonly limitMs: number,
    private readonly now: () => number,
    private readonly exempt: (story: string) => boolean = () => false,
  ) {
    this.since = now();
  }

  /**
   * Called before each piece of a story's work: charges the time since the last call to the
   * story worked on then, and throws StoryTooSlow if that story is over its budget.
   */
  charge(story: string): void {
    const at = this.now();
    if (this.current !== null) {
      const total = (this.spent.get(this.current) ?? 0) + (at - this.since);
      this.spent.set(this.current, total);
      if (total > this.limitMs && !this.exempt(this.current)) throw new StoryTooSlow(this.current, total);
    }
    this.current = story;
    this.since = at;
  }

  /** Charges the last piece of work (call when a phase ends). */
  settle(): void {
    const last = this.current;
    if (last !== null) this.charge(last);
    this.current = null;
  }
}
