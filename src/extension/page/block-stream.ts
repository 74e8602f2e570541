// Hands the page's block texts to the service worker for matching, bounded and streamed: the list
// goes as a series of splices no larger than BLOCK_STREAM_LIMITS.spliceChars each (so no message
// takes long to serialise on the page's thread), and after the first only the span of blocks that
// changed is sent. If the worker lost the session (it restarted, or dropped it for room), the
// whole list is sent again.
import {
  BLOCK_STREAM_LIMITS,
  sendMessage,
  type BlockSplice,
  type BlockStreamLimits,
  type MatchResult,
  type PageMatchRequest,
  type Resync,
} from '../messaging/protocol';

export interface StreamTransport {
  splice(step: BlockSplice): Promise<{ ok: true } | Resync>;
  match(request: PageMatchRequest): Promise<MatchResult | Resync>;
  matchMeaning(request: PageMatchRequest): Promise<MatchResult | Resync>;
}

/** The service worker, through the extension's messages. */
export const toServiceWorker: StreamTransport = {
  splice: (step) => sendMessage('spliceBlocks', step),
  match: (request) => sendMessage('matchSession', request),
  matchMeaning: (request) => sendMessage('matchMeaning', request),
};

/** The texts as they are sent: each block cut to blockChars, the list cut at pageChars. */
export function boundTexts(texts: readonly string[], limits: BlockStreamLimits = BLOCK_STREAM_LIMITS): string[] {
  const out: string[] = [];
  let total = 0;
  for (const text of texts) {
    const bounded = text.length > limits.blockChars ? text.slice(0, limits.blockChars) : text;
    if (total + bounded.length > limits.pageChars) break;
    total += bounded.length;
    out.push(bounded);
  }
  return out;
}

/** The span that differs between two lists: common head and tail kept, the middle replaced. */
export function diffLists(
  before: readonly string[],
  after: readonly string[],
): { start: number; deleteCount: number; insert: string[] } {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  return { start: head, deleteCount: before.length - head - tail, insert: after.slice(head, after.length - tail) };
}

/** Cuts an insert into chunks within the per-message bounds. */
export function chunk(insert: readonly string[], limits: BlockStreamLimits = BLOCK_STREAM_LIMITS): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const text of insert) {
    if (current.length > 0 && (chars + text.length > limits.spliceChars || current.length >= limits.spliceBlocks)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export class BlockStream {
  /** What the worker holds, as far as this page knows. */
  private sent: string[] = [];
  private version = 0;
  readonly session: string;

  constructor(
    private readonly transport: StreamTransport,
    private readonly limits: BlockStreamLimits = BLOCK_STREAM_LIMITS,
  ) {
    this.session = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  }

  /** Matches the page as it is now: streams what changed, then asks for the matches. */
  async match(url: string, texts: readonly string[], published: string | null = null): Promise<MatchResult> {
    const bounded = boundTexts(texts, this.limits);
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await this.sync(bounded)) {
        const reply = await this.transport.match({ session: this.session, version: this.version, url, published });
        if (!('resync' in reply)) return reply;
      }
      this.sent = [];
      this.version = 0;
    }
    throw new Error('The service worker kept losing the page’s text');
  }

  /**
   * The fuller answer for the text last matched (after a 'pending' one): the worker weighs its
   * sentences by meaning. Null when the worker no longer holds that text; the next match asks anew.
   */
  async matchMeaning(url: string, published: string | null = null): Promise<MatchResult | null> {
    if (this.version === 0) return null;
    const reply = await this.transport.matchMeaning({ session: this.session, version: this.version, url, published });
    return 'resync' in reply ? null : reply;
  }

  /** Sends the splices that turn what the worker holds into `texts`; false if it asked to resync. */
  private async sync(texts: string[]): Promise<boolean> {
    if (this.version > 0 && this.sent.length === texts.length && texts.every((t, i) => t === this.sent[i])) return true;
    const { start, deleteCount, insert } =
      this.version === 0 ? { start: 0, deleteCount: 0, insert: texts } : diffLists(this.sent, texts);
    const chunks = chunk(insert, this.limits);
    // Even an empty change is one step, so the version moves and the worker's state is checked.
    if (chunks.length === 0) chunks.push([]);
    let at = start;
    let toDelete = deleteCount;
    for (const part of chunks) {
      const step: BlockSplice = {
        session: this.session,
        base: this.version,
        version: this.version + 1,
        start: at,
        deleteCount: toDelete,
        insert: part,
      };
      const reply = await this.transport.splice(step);
      if ('resync' in reply) return false;
      this.version = step.version;
      this.sent.splice(at, toDelete, ...part);
      at += part.length;
      toDelete = 0;
    }
    return true;
  }
}
