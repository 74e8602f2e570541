// npm run bench's section on matching by meaning: what the sentence encoder costs per article
// (the extension's two passes: words, then meaning for the sentences the matcher names), with the
// bundled database and with 10,000 claims, the model's cold load and memory, and that a page
// about nothing known runs no model. Figures are printed, never asserted.
import type { Database } from '../../core/database/combine';
import { buildIndex } from '../../core/match/index-builder';
import { storySpace } from '../../core/match/by-meaning';
import { createMatcher } from '../../core/match/matcher';
import { loadClaimVectors, serializeClaimVectors, type ClaimVectors } from '../../core/meaning/claim-vectors';
import { normalize } from '../../core/meaning/pooling';
import { pad, padl } from '../../node/helpers/columns';
import type { NodeMeaning } from '../../node/model/node-meaning';
import { median } from '../../node/helpers/stats';
import { shippedVectorModel } from '../../node/model/build-claim-vectors';

export interface BenchPage {
  name: string;
  url: string;
  blocks: () => string[];
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rssMb = (): number => process.memoryUsage().rss / 1024 / 1024;
const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/**
 * The bundled claims' real vectors plus random unit vectors for the synthetic claims (a synthetic
 * claim's text means nothing to compare; for timing, only the number of vectors matters).
 */
async function syntheticVectors(db: Database, base: Database, meaning: NodeMeaning): Promise<ClaimVectors> {
  const real = await meaning.claimVectors(base);
  let seed = 7;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
  const model = shippedVectorModel();
  const claims = db.claims.map((c) => ({
    claimId: c.id,
    vectors: real.has(c.id)
      ? real.texts(c.id)
      : Array.from({ length: 1 + c.reports.length }, () =>
          normalize(Float32Array.from({ length: model.dimensions }, random)),
        ),
  }));
  return loadClaimVectors(serializeClaimVectors(model, claims), model);
}

interface ArticleRun {
  wordsMs: number;
  totalMs: number;
  cachedMs: number;
  cpuMs: number;
  sentences: number;
  tokens: number;
}

/** One article through both passes, embedding its candidate sentences afresh (no cache), then again from the cache. */
async function runArticle(
  matcher: ReturnType<typeof createMatcher>,
  page: BenchPage,
  meaning: NodeMeaning,
  claimVectors: ClaimVectors,
): Promise<ArticleRun> {
  const encoder = await meaning.encoder();
  const t0 = performance.now();
  const c0 = cpuMs();
  const scores = page.blocks().map((b) => matcher.scoreBlock(b));
  matcher.decide({ url: page.url, blocks: scores });
  const wordsMs = performance.now() - t0;
  const texts = [...new Set(matcher.meaningCandidates(scores).map((s) => s.text))];
  const vectors = await encoder.embed(texts);
  const sentenceVectors = new Map(texts.map((t, i) => [t, vectors[i]!]));
  matcher.decide({ url: page.url, blocks: scores, meaning: { claimVectors, sentenceVectors } });
  const totalMs = performance.now() - t0;
  const cpu = cpuMs() - c0;
  // A second visit: the worker's sentence cache holds every vector.
  const t1 = performance.now();
  const again = page.blocks().map((b) => matcher.scoreBlock(b));
  matcher.decide({ url: page.url, blocks: again, meaning: { claimVectors, sentenceVectors } });
  const cachedMs = performance.now() - t1;
  return {
    wordsMs,
    totalMs,
    cachedMs,
    cpuMs: cpu,
    sentences: texts.length,
    tokens: texts.reduce((n, t) => n + encoder.tokenCount(t), 0),
  };
}

export async function benchMeaning(
  base: Database,
  tenThousand: Database,
  pages: BenchPage[],
  ordinary: BenchPage,
  meaning: NodeMeaning,
): Promise<void> {
  console.log('');
  console.log(
    `Matching by meaning (${meaning.model.id}, ONNX Runtime WebAssembly, one thread, in Node; the extension runs the same code in its worker)`,
  );
  const rss0 = rssMb();
  const t0 = performance.now();
  const c0 = cpuMs();
  const encoder = await meaning.encoder();
  const loadMs = performance.now() - t0;
  const loadCpu = cpuMs() - c0;
  await encoder.embed(['Warm-up: the first run allocates the session’s buffers.']);
  const rssLoaded = rssMb();
  console.log(
    `cold model load: ${fmt(loadMs)} ms wall, ${fmt(loadCpu)} ms CPU (target ≤ 1 s); memory: RSS +${(rssLoaded - rss0).toFixed(0)} MB`,
  );

  // A story's discriminant space is fitted once per set of claim vectors, when a page first names it.
  const baseVectors = await meaning.claimVectors(base);
  const storyIds = base.packs.map((s) => s.id);
  const fitStart = performance.now();
  const fitCpu = cpuMs();
  for (const id of storyIds)
    storySpace(
      id,
      base.claims.filter((c) => c.pack === id).map((c) => c.id),
      baseVectors,
    );
  console.log(
    `story discriminants fitted in ${fmt(performance.now() - fitStart)} ms wall, ${fmt(cpuMs() - fitCpu)} ms CPU, for ${storyIds.length} stor${storyIds.length === 1 ? 'y' : 'ies'} (once per set of packs, on the first page that names each story; in the runs below they are ready)`,
  );

  const rows: [string, Database][] = [
    ['bundled', base],
    ['10,000', tenThousand],
  ];
  let rssBundled = rssLoaded;
  console.log(
    `${pad('database', 9)} ${padl('claims', 7)} ${padl('words ms', 9)} ${padl('with meaning ms', 16)} ${padl('CPU ms', 7)} ${padl('cached ms', 10)} ${padl('sentences', 10)} ${padl('tokens', 7)}`,
  );
  for (const [label, db] of rows) {
    const matcher = createMatcher(db, buildIndex(db));
    const vectors = db === base ? await meaning.claimVectors(base) : await syntheticVectors(db, base, meaning);
    const runs: ArticleRun[] = [];
    for (const page of pages) {
      // Median of three: the machine is shared.
      const three = [
        await runArticle(matcher, page, meaning, vectors),
        await runArticle(matcher, page, meaning, vectors),
        await runArticle(matcher, page, meaning, vectors),
      ];
      const mid = [...three].sort((a, b) => a.totalMs - b.totalMs)[1]!;
      runs.push(mid);
    }
    const m = (f: (r: ArticleRun) => number): number => median(runs.map(f));
    if (db === base) rssBundled = rssMb();
    console.log(
      `${pad(label, 9)} ${padl(db.claims.length, 7)} ${padl(fmt(m((r) => r.wordsMs)), 9)} ${padl(fmt(m((r) => r.totalMs)), 16)} ${padl(fmt(m((r) => r.cpuMs)), 7)} ${padl(fmt(m((r) => r.cachedMs)), 10)} ${padl(
        m((r) => r.sentences),
        10,
      )} ${padl(
        m((r) => r.tokens),
        7,
      )}`,
    );
  }
  console.log(
    'medians over the seed articles; "with meaning": both passes, the candidate sentences embedded afresh; "cached": a second visit, every',
  );
  console.log(
    'sentence vector in the cache; the 10,000 claims beyond the bundled ones get random unit vectors (only their number matters for timing)',
  );
  console.log('targets: ≤ 150 ms per article with the bundled database, ≤ 300 ms with 10,000 claims');
  console.log(
    `memory: RSS +${(rssBundled - rss0).toFixed(0)} MB after the seed articles with the bundled database, since before the model loaded (the 10,000-claim database and its index add their own)`,
  );

  const matcher = createMatcher(base, buildIndex(base));
  const scores = ordinary.blocks().map((b) => matcher.scoreBlock(b));
  const candidates = matcher.meaningCandidates(scores);
  console.log(
    `an ordinary page (${ordinary.name}): ${candidates.length} sentences for the model${candidates.length === 0 ? ': no model runs' : ''}`,
  );
}
