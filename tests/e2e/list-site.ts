// A curator's list site for the browser suites, served by the test's own server (which answers for
// every host): the list made by list:build's own code from real pack files, published at an https
// address, and every request for it logged with its headers. Tests republish it (a new version, a
// new story) and break it on purpose (a tampered pack, a bad signature, a server down).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { readSeedTexts } from '../../src/node/data';
import { FIXTURES_DIR, SEEDS_DIR } from '../../src/node/paths';
import {
  buildPackList,
  INDEX_FILE,
  SIGNATURE_FILE,
  type BuiltList,
  type ListDescription,
  type PackFile,
} from '../../src/tools/pack-list/build-list';
import type { ListKey } from '../../src/tools/pack-list/list-keys';
import type { TestServer } from '../harness/browser-harness';

export const FERRY_DIR = join(FIXTURES_DIR, 'stories/northern-lark-ferry-fire-2025');

/** Article texts for the packs' quotes: the ferry story's articles and the bundled seeds. */
const TEXTS = new Map([...readSeedTexts(join(FERRY_DIR, 'articles')), ...readSeedTexts(SEEDS_DIR)]);

export interface LoggedRequest {
  url: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

type Answer = Buffer | ((req: IncomingMessage, res: ServerResponse) => void);

export class ListSite {
  readonly address: string;
  /** Every request the site answered, in order. */
  readonly log: LoggedRequest[] = [];
  private readonly files = new Map<string, Answer>();
  private readonly base: URL;
  private published = Date.parse('2025-04-01T10:00:00Z');

  constructor(
    private readonly server: TestServer,
    base = 'https://lists.example.org/world/',
  ) {
    this.base = new URL(base);
    this.address = new URL(INDEX_FILE, this.base).href;
  }

  /** Publishes a list of these packs, signed with `key`, made after the one before; returns what was built. */
  publish(packs: readonly PackFile[], key: ListKey, description: ListDescription): BuiltList {
    this.published += 3_600_000;
    const built = buildPackList({ packs, texts: TEXTS, key, description, published: new Date(this.published) });
    for (const [path, bytes] of built.files) this.serve(path, bytes);
    return built;
  }

  /** Answers for a file of the site (a path inside it: list.json, packs/x.json) with these bytes or this handler. */
  serve(path: string, answer: Answer): void {
    const pathname = new URL(path, this.base).pathname;
    if (!this.files.has(pathname)) {
      this.server.route(pathname, (req, res) => {
        this.log.push({
          url: `https://${req.headers.host}${req.url}`,
          method: req.method ?? '',
          headers: { ...req.headers },
        });
        const file = this.files.get(pathname)!;
        if (typeof file === 'function') return file(req, res);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(file.length) }).end(file);
      });
    }
    this.files.set(pathname, answer);
  }

  /** The bytes served at a path now. */
  bytes(path: string): Buffer {
    const file = this.files.get(new URL(path, this.base).pathname);
    if (!Buffer.isBuffer(file)) throw new Error(`${path} is not served as bytes`);
    return file;
  }

  /** The paths requested since `from` (an index into the log), relative to the site. */
  requestedSince(from: number): string[] {
    return this.log.slice(from).map((r) => new URL(r.url).pathname.slice(this.base.pathname.length));
  }
}

export { INDEX_FILE, SIGNATURE_FILE };
