import { readDatabase } from '../scripts/lib/data';
import { loadLabelledPage, readLabels, withoutArticle } from '../scripts/lib/labels';
import { LABELS_DIR } from '../scripts/lib/paths';
import { loadNodeMeaning, meaningInput } from '../scripts/lib/meaning';
import { buildIndex } from '../src/core/match/index-builder';
import { createMatcher } from '../src/core/match/matcher';
const db = readDatabase();
const meaning = loadNodeMeaning();
for (const file of readLabels(LABELS_DIR)) {
  const article = db.articles.find((a) => a.id === file.article);
  const page = loadLabelledPage(file, article?.url ?? null);
  const pdb = article ? withoutArticle(db, article.id) : db;
  const index = buildIndex(pdb);
  const m = createMatcher(pdb, index);
  const blocks = page.blocks.map((b) => m.scoreBlock(b));
  const words = m.decide({ url: page.url, blocks });
  const input = (await meaningInput(m, blocks, meaning, await meaning.claimVectors(pdb)))!;
  const both = m.decide({ url: page.url, blocks, meaning: input });
  const cands = m.meaningCandidates(blocks);
  const statedAt = (b: number, s: number) => words.matches.filter((x) => x.block === b && x.start === s).flatMap((x) => x.claims.map((c) => c.claimId));
  const unstatedMax = (b: number, s: number) => { const p = blocks[b]!.passages.find((p) => p.start === s)!; const st = statedAt(b, s); return Math.max(0, ...p.candidates.filter((c) => !st.includes(index.claims[c.claim]!)).map((c) => c.score)); };
  const r = (x: number) => cands.filter((c) => unstatedMax(c.block, c.start) >= x).length;
  const added = both.matches.flatMap((x) => x.claims.filter((c) => c.byMeaning).map((c) => `${c.claimId}@${unstatedMax(x.block, x.start).toFixed(2)}${statedAt(x.block, x.start).length ? '+words' : ''}`));
  console.log(file.article.padEnd(28), 'cands', cands.length, 'R>=0.25', r(0.25), 'R>=0.3', r(0.3), 'R>=0.35', r(0.35), 'added', added.join(' '));
}
