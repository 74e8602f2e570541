// What Parallax costs the page's main thread, as the browser suites and bench:hostile measure it:
// a stall meter in the page's own world, and Chromium's trace of the renderer's main thread.
import type { Page } from 'playwright-core';

/**
 * Installs, before any page script runs, a 10 ms timer in the page's own world that records every
 * gap between its ticks: how long the page's main thread was unavailable (to the page, the reader
 * and Parallax alike). The Long Tasks API does not see an extension's work; this timer does.
 */
export async function installStallMeter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    if (window !== window.top) return;
    const stalls: [at: number, ms: number][] = [];
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      // A tick is due every 10 ms: anything later is time the thread was busy.
      if (now - last > 15) stalls.push([last, now - last - 10]);
      last = now;
    }, 10);
    Object.defineProperty(window, '__parallaxStalls', { value: stalls });
  });
}

/** The longest main-thread stall the meter saw between two page times (ms since navigation start). */
export function longestStall(page: Page, from = 0, to = Number.POSITIVE_INFINITY): Promise<number> {
  return page.evaluate(
    ({ from, to }) => {
      const stalls = (window as unknown as { __parallaxStalls: [number, number][] }).__parallaxStalls;
      let longest = 0;
      for (const [at, ms] of stalls) if (at + ms >= from && at <= to) longest = Math.max(longest, ms);
      return longest;
    },
    { from, to: Number.isFinite(to) ? to : 1e15 },
  );
}

/** The page's clock (ms since navigation start). */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

export interface MainThreadTask {
  /** When it started, in ms since the trace began. */
  at: number;
  wallMs: number;
  /** CPU time of the renderer's main thread in the task: the wall time minus time the OS gave others. */
  cpuMs: number;
  /** Whether Parallax's content script ran in it. */
  parallax: boolean;
}

export interface MainThreadTrace {
  tasks: MainThreadTask[];
  /** Elements restyled by each style recalculation (a document-wide rule restyles them all). */
  restyles: number[];
}

/**
 * What the page's renderer main thread did while `work` ran, from Chromium's own trace. On a
 * loaded machine a timer in the page also sees the time the OS gave other processes (gaps of
 * 100–300 ms with nothing running); a task's CPU time does not, so suites assert on it.
 */
export async function traceMainThread(page: Page, work: () => Promise<void>): Promise<MainThreadTrace> {
  const cdp = await page.context().newCDPSession(page);
  type TraceEvent = {
    name: string;
    ph: string;
    pid: number;
    tid: number;
    ts: number;
    dur?: number;
    tdur?: number;
    args?: { name?: string; elementCount?: number; data?: { url?: string } };
  };
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: '__metadata,devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
    transferMode: 'ReportEvents',
  });
  try {
    await work();
  } finally {
    const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    await cdp.detach().catch(() => {});
  }
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const first = tasks[0]?.ts ?? 0;
  // Script of Parallax's: its content script's URL (function calls, timers, message handlers).
  const ours = onMain.filter((e) => e.args?.data?.url?.includes('/content-scripts/'));
  return {
    tasks: tasks.map((t) => ({
      at: (t.ts - first) / 1000,
      wallMs: t.dur! / 1000,
      cpuMs: (t.tdur ?? t.dur!) / 1000,
      parallax: ours.some((e) => e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts <= t.ts + t.dur!),
    })),
    restyles: onMain
      .filter((e) => e.name === 'UpdateLayoutTree' && e.args?.elementCount)
      .map((e) => e.args!.elementCount!),
  };
}

/** The longest of the tasks by CPU time (0 for none). */
export function longestCpu(
  tasks: readonly MainThreadTask[],
  filter: (t: MainThreadTask) => boolean = () => true,
): number {
  return Math.max(0, ...tasks.filter(filter).map((t) => t.cpuMs));
}
