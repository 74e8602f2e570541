// The curator's full check of one pack (npm run claims:check): the schema, the integrity checks,
// and each quote, prefix and suffix against its article's text. Texts are passed in, so core stays
// free of fs.
import { combinePacks } from './combine';
import { checkQuotesAgainstTexts, type ArticleTexts } from './quote-check';
import { checkIntegrity } from './integrity';
import { compile, type LoadedDatabase } from './load';
import { parsePack } from './parse';
import type { Problem } from './problems';
import type { Pack } from './schema';

export interface CheckResult {
  problems: Problem[];
  pack: Pack | null;
  /** The pack loaded on its own, when it is sound enough to compile (for the summary table). */
  database: LoadedDatabase | null;
}

export function checkPack(json: unknown, texts: ArticleTexts): CheckResult {
  const parsed = parsePack(json);
  if (!parsed.ok) return { problems: parsed.problems, pack: null, database: null };
  const integrity = checkIntegrity(parsed.pack);
  const quotes = checkQuotesAgainstTexts(parsed.pack, texts);
  return {
    problems: [...integrity, ...quotes],
    pack: parsed.pack,
    database: integrity.length === 0 ? compile(combinePacks([{ pack: parsed.pack, origin: 'bundled' }])) : null,
  };
}
