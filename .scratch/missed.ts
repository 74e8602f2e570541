// For every labelled pair of the seed articles (LOO db), where does it stand: candidate sentence? lexical score? sim rank? margin?
import { readDatabase } from '../scripts/lib/data';
import { loadLabelledPage, readLabels, withoutArticle, overlaps } from '../scripts/lib/labels';
import { LABELS_DIR } from '../scripts/lib/paths';
import { loadNodeMeaning, meaningInput } from '../scripts/lib/meaning';
import { buildIndex } from '../src/core/match/index-builder';
import { createMatcher } from '../src/core/match/matcher';
import { blockStarts } from '../src/core/text/joined-blocks';
import { splitSentences } from '../src/core/text/segment';
const db = readDatabase();
const meaning = loadNodeMeaning();
const buckets: Record<string, number> = {};
const bump = (k: string) => (buckets[k] = (buckets[k] ?? 0) + 1);
for (const file of readLabels(LABELS_DIR)) {
  const article = db.articles.find((a) => a.id === file.article);
  const page = loadLabelledPage(file, article?.url ?? null);
  const pdb = article ? withoutArticle(db, article.id) : db;
  const m = createMatcher(pdb, buildIndex(pdb));
  const blocks = page.blocks.map((b) => m.scoreBlock(b));
  // embed ALL sentences for analysis
  const all = page.blocks.flatMap((b, i) => splitSentences(b).map((s) => ({ block: i, start: s.start, end: s.end, text: b.slice(s.start, s.end) })));
  const input = (await meaningInput(m, blocks, meaning, await meaning.claimVectors(pdb)))!;
  const lexical = m.decide({ url: page.url, blocks });
  const withM = m.decide({ url: page.url, blocks, meaning: input });
  const ev = m.meaningEvidence({ blocks, meaning: input });
  const starts = blockStarts(page.blocks);
  const known = new Set(pdb.claims.map((c) => c.id));
  for (const l of page.passages) for (const claim of l.claims) {
    if (!known.has(claim)) continue;
    const found = (r: typeof lexical) => r.matches.some((mm) => overlaps({ start: starts[mm.block]! + mm.start, end: starts[mm.block]! + mm.end }, l) && mm.claims.some((c) => c.claimId === claim));
    if (found(lexical)) { bump('found by words'); continue; }
    if (found(withM)) { bump('added by meaning'); continue; }
    const sents = ev.filter((s) => overlaps({ start: starts[s.block]! + s.start, end: starts[s.block]! + s.end }, l));
    if (sents.length === 0) { bump('not a candidate sentence'); if (!article) console.log('  NOCAND', claim, '|', page.blocks.join('\n\n').slice(l.start, l.end).slice(0, 90)); continue; }
    const best = sents.map((s) => { const ranked = [...s.claims].sort((a, b) => b.meaning.similarity - a.meaning.similarity); const i = ranked.findIndex((c) => c.claimId === claim); const c = s.claims.find((c) => c.claimId === claim)!; return { rank: i, lex: c?.lexical ?? 0, sim: c?.meaning.similarity ?? 0, margin: c?.meaning.margin ?? 0 }; }).sort((a, b) => a.rank - b.rank)[0]!;
    const k = `candidate, sim rank ${best.rank === 0 ? '1' : best.rank < 3 ? '2-3' : '4+'}, lexical ${best.lex === 0 ? '0' : best.lex < 0.25 ? '<0.25' : best.lex < 0.45 ? '0.25-0.45' : '>=0.45'}`;
    bump(k);
  }
}
console.log(Object.entries(buckets).sort());
