// The curator's full check (npm run claims:check): the schema, the integrity checks, and each
// quote, prefix and suffix against its article's text. Texts are passed in, so core stays free of fs.
import { checkQuotesAgainstTexts, type ArticleTexts } from './quote-check';
import { checkIntegrity } from './integrity';
import { compile, type LoadedDatabase } from './load';
import { parseDatabase } from './parse';
import type { Problem } from './problems';

export interface CheckResult {
  problems: Problem[];
  /** The loaded database, when it is sound enough to compile (for the summary table). */
  database: LoadedDatabase | null;
}

export function checkDatabase(json: unknown, texts: ArticleTexts): CheckResult {
  const parsed = parseDatabase(json);
  if (!parsed.ok) return { problems: parsed.problems, database: null };
  const integrity = checkIntegrity(parsed.database);
  const quotes = checkQuotesAgainstTexts(parsed.database, texts);
  return {
    problems: [...integrity, ...quotes],
    database: integrity.length === 0 ? compile(parsed.database) : null,
  };
}
