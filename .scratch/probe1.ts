import { readDatabase } from '../scripts/lib/data';
import { judgedPages } from '../scripts/meaning/labelled-pages';
import { EmbeddingCache } from '../scripts/meaning/embedding-cache';
import { pageFeatures } from '../scripts/meaning/page-features';
const db = readDatabase();
const pages = judgedPages(db);
const cache = new EmbeddingCache('all-minilm-l6-v2-q');
const ret = pages.find((p) => p.article === null)!;
const f = pageFeatures(db, ret.blocks, cache, { windows: false });
for (const s of f.sentences) {
  if (!s.text.startsWith('Their purpose')) continue;
  console.log(s.text, [...s.lexical]);
  const ranked = [...s.meaning].sort((a, b) => b[1].similarity - a[1].similarity).slice(0, 5);
  for (const [c, m] of ranked) console.log(c, m.similarity.toFixed(3), m.margin.toFixed(3));
}
// stats: sentences per seed page, with any lexical candidate, with candidate >= 0.25
for (const p of pages) {
  const g = pageFeatures(p.article ? db : db, p.blocks, cache, { windows: false });
  const any = g.sentences.filter((s) => s.lexical.size > 0).length;
  const kept = g.sentences.filter((s) => [...s.lexical.values()].some((v) => v >= 0.25)).length;
  console.log(p.name, g.sentences.length, any, kept);
}
