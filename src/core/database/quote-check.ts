// The curator's quote check: each report against its article's text. The quote must occur
// verbatim, and at one of its occurrences the prefix must end right before it and the suffix
// start right after it, so that the extension can anchor it (match/anchor-quote.ts) on the page.
import { foldPunctuation } from '../text/fold';
import { claimPlace, type Problem } from './problems';
import type { Pack } from './schema';

/** Article texts by the article's `source` (its file name): the text quotes are copied from. */
export type ArticleTexts = ReadonlyMap<string, string>;

export function checkQuotesAgainstTexts(pack: Pack, texts: ArticleTexts): Problem[] {
  const problems: Problem[] = [];
  const textOf = new Map<string, string>();
  for (const article of pack.articles) {
    const text = texts.get(article.source);
    if (text === undefined) {
      problems.push({
        claim: null,
        report: null,
        where: `article "${article.id}"`,
        field: 'source',
        message: `no article text "${article.source}" was found`,
      });
    } else {
      textOf.set(article.id, text);
    }
  }

  for (const claim of pack.claims) {
    claim.reports.forEach((report, index) => {
      const text = textOf.get(report.article);
      if (text === undefined) return; // reported above, or an unknown article (integrity check)
      const where = claimPlace(claim.id, { index, article: report.article });
      const add = (field: string, message: string) =>
        problems.push({ claim: claim.id, report: index, where, field, message });
      const starts = occurrences(text, report.quote);
      if (starts.length === 0) {
        add('quote', `not found verbatim in the article text${nearMissHint(text, report.quote)}`);
        return;
      }
      const prefixOk = starts.filter((s) => text.slice(0, s).endsWith(report.prefix));
      if (prefixOk.length === 0) {
        const start = starts[0] as number;
        add(
          'prefix',
          `does not match the text before the quote: the pack has ${JSON.stringify(report.prefix)}, the article has ${JSON.stringify(text.slice(Math.max(0, start - report.prefix.length), start))}`,
        );
      }
      const suffixOk = (prefixOk.length ? prefixOk : starts).filter((s) =>
        text.startsWith(report.suffix, s + report.quote.length),
      );
      if (suffixOk.length === 0) {
        const end = (starts[0] as number) + report.quote.length;
        add(
          'suffix',
          `does not match the text after the quote: the pack has ${JSON.stringify(report.suffix)}, the article has ${JSON.stringify(text.slice(end, end + report.suffix.length))}`,
        );
      }
    });
  }
  return problems;
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/** Curators most often retype curly quotes, dashes or spacing; say so when that is the only difference. */
function nearMissHint(text: string, quote: string): string {
  // Single and double quotation marks are one mark here: curators swap them too.
  const loosen = (s: string) => foldPunctuation(s).replace(/"/g, "'").replace(/\s+/g, ' ');
  return loosen(text).includes(loosen(quote)) ? ' (it differs only in quotation marks, dashes or spacing)' : '';
}
