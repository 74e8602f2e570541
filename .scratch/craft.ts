import { readFileSync } from 'node:fs';
import { readDatabase } from '../scripts/lib/data';
import { loadNodeMeaning, matchPageWithMeaning } from '../scripts/lib/meaning';
import { buildIndex } from '../src/core/match/index-builder';
import { createMatcher } from '../src/core/match/matcher';
import { readSavedPage } from '../src/node/saved-page';
const db = readDatabase();
const m = createMatcher(db, buildIndex(db));
const meaning = loadNodeMeaning();
const cv = await meaning.claimVectors(db);
const base = readSavedPage(readFileSync('tests/fixtures/pages/retelling-meridian-daily.html', 'utf8')).blocks;
const tries = process.argv.slice(2);
for (const t of tries) {
  const blocks = [...base, t];
  const w = m.matchPage({ url: 'https://x.test/', blocks });
  const b = await matchPageWithMeaning(m, { url: 'https://x.test/', blocks }, meaning, cv);
  const last = (r: typeof w) => r.matches.filter((x) => x.block === blocks.length - 1).map((x) => x.claims.map((c) => `${c.claimId}${c.byMeaning ? '*' : ''} ${c.score}`).join(', '));
  const sc = m.scoreBlock(t).passages.map((p) => p.candidates.map((c) => `${buildIndex(db).claims[c.claim]} ${c.score.toFixed(2)}`).join('; '));
  console.log(JSON.stringify(t.slice(0, 60)), '| words:', last(w), '| meaning:', last(b), '| lex:', sc);
}
