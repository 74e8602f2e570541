// How long one pack may take to be prepared (checked, compiled and indexed) before the service
// worker gives up on it. The bounds (limits.ts) keep every pack's work near-linear and finite, but
// the worst pack they allow still takes seconds, and nothing else is matched meanwhile: a pack
// that takes longer than its budget is stopped, left out and reported, so that it never holds up
// the bundled pack or the reader's other packs. Work is charged claim by claim to the claim's
// pack, so a pack is stopped within one claim's work of its budget running out.

/** Thrown by PackBudget.charge when a pack has used up its budget. */
export class PackTooSlow extends Error {
  constructor(
    readonly pack: string,
    readonly elapsedMs: number,
  ) {
    super(`the pack "${pack}" took more than ${Math.round(elapsedMs)} ms to prepare`);
    this.name = 'PackTooSlow';
  }
}

export class PackBudget {
  private readonly spent = new Map<string, number>();
  private current: string | null = null;
  private since: number;

  /**
   * @param limitMs what one pack may spend in all
   * @param now a clock in milliseconds (core has no timers of its own)
   * @param exempt packs never stopped (the bundled ones, whose index ships prebuilt)
   */
  constructor(
    readonly limitMs: number,
    private readonly now: () => number,
    private readonly exempt: (pack: string) => boolean = () => false,
  ) {
    this.since = now();
  }

  /**
   * Called before each piece of a pack's work: charges the time since the last call to the pack
   * worked on then, and throws PackTooSlow if that pack is over its budget.
   */
  charge(pack: string): void {
    const at = this.now();
    if (this.current !== null) {
      const total = (this.spent.get(this.current) ?? 0) + (at - this.since);
      this.spent.set(this.current, total);
      if (total > this.limitMs && !this.exempt(this.current)) throw new PackTooSlow(this.current, total);
    }
    this.current = pack;
    this.since = at;
  }

  /** Charges the last piece of work (call when a phase ends). */
  settle(): void {
    const last = this.current;
    if (last !== null) this.charge(last);
    this.current = null;
  }
}
