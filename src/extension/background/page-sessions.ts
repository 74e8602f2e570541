// The pages' block texts as content scripts stream them in (see BlockSplice), per session (one
// page load in one frame), each block scored once on arrival. A page that changes sends only the
// blocks that changed, and matching it again costs only those. Sessions are bounded in number and
// in characters; past the bounds the least recently used are dropped, and a content script whose
// session is gone is told to send its whole list again (so is one after the worker restarted).
import type { BlockScores } from '../../core/match/matcher';
import { BLOCK_STREAM_LIMITS, type BlockSplice, type Resync } from '../messaging/protocol';

interface Session {
  frame: string;
  version: number;
  texts: string[];
  scores: BlockScores[];
  chars: number;
}

export interface SessionLimits {
  sessions: number;
  /** Characters held over all sessions. */
  totalChars: number;
}

/** A few dozen tabs' pages; 40 M characters of text (about 80 MB) at most. */
export const DEFAULT_SESSION_LIMITS: SessionLimits = { sessions: 48, totalChars: 40_000_000 };

const RESYNC: Resync = { resync: true };

export class PageSessions {
  /** In order of last use, least recent first. */
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly score: (text: string) => BlockScores,
    private readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** Applies one step of a stream from `frame` (tab and frame of the sender). */
  splice(frame: string, step: BlockSplice): { ok: true } | Resync {
    checkSplice(step);
    const key = `${frame}/${step.session}`;
    let session = this.sessions.get(key);
    if (step.base === 0) {
      // A list sent from the start: this frame's earlier pages are gone.
      for (const [other, s] of this.sessions) if (s.frame === frame) this.sessions.delete(other);
      session = { frame, version: 0, texts: [], scores: [], chars: 0 };
    }
    if (!session || session.version !== step.base) return RESYNC;
    if (step.start + step.deleteCount > session.texts.length) return RESYNC;
    const removed = session.texts.slice(step.start, step.start + step.deleteCount);
    const added = step.insert.reduce((sum, text) => sum + text.length, 0);
    const chars = session.chars - removed.reduce((sum, text) => sum + text.length, 0) + added;
    if (chars > BLOCK_STREAM_LIMITS.pageChars)
      throw new Error(`Page text over ${BLOCK_STREAM_LIMITS.pageChars} characters`);
    const scores = step.insert.map(this.score);
    session.texts.splice(step.start, step.deleteCount, ...step.insert);
    session.scores.splice(step.start, step.deleteCount, ...scores);
    session.chars = chars;
    session.version = step.version;
    this.touch(key, session);
    return { ok: true };
  }

  /** The session's block scores at `version`, or null when the worker does not hold that version. */
  blocks(frame: string, session: string, version: number): readonly BlockScores[] | null {
    const key = `${frame}/${session}`;
    const found = this.sessions.get(key);
    if (!found || found.version !== version) return null;
    this.touch(key, found);
    return found.scores;
  }

  /** Forgets a closed tab's pages. */
  dropTab(tabId: number): void {
    for (const [key, s] of this.sessions) if (s.frame.startsWith(`${tabId}:`)) this.sessions.delete(key);
  }

  private touch(key: string, session: Session): void {
    this.sessions.delete(key);
    this.sessions.set(key, session);
    let total = 0;
    for (const s of this.sessions.values()) total += s.chars;
    for (const [oldest, s] of this.sessions) {
      if (this.sessions.size <= this.limits.sessions && total <= this.limits.totalChars) break;
      if (oldest === key) break; // never the session just used
      this.sessions.delete(oldest);
      total -= s.chars;
    }
  }
}

/** A step over the bounds is refused: the extension's own content script never sends one. */
function checkSplice(step: BlockSplice): void {
  const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  const ok =
    typeof step.session === 'string' &&
    step.session.length > 0 &&
    step.session.length <= 64 &&
    count(step.base) &&
    count(step.version) &&
    step.version > step.base &&
    count(step.start) &&
    count(step.deleteCount) &&
    Array.isArray(step.insert) &&
    step.insert.length <= BLOCK_STREAM_LIMITS.spliceBlocks &&
    step.insert.every((text) => typeof text === 'string' && text.length <= BLOCK_STREAM_LIMITS.blockChars) &&
    step.insert.reduce((sum, text) => sum + text.length, 0) <= BLOCK_STREAM_LIMITS.spliceChars;
  if (!ok) throw new Error('Refused a malformed or oversized block stream step');
}
