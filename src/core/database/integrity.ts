// Checks that need the whole database but not the article texts: ids are unique, references
// resolve, and every quantity's words are in its quote and can be read as a value.
import { readValue } from '../quantities/read-value';
import { UnreadableValueError } from '../quantities/types';
import { claimPlace, type Problem } from './problems';
import type { Database } from './schema';

export function checkIntegrity(db: Database): Problem[] {
  const problems: Problem[] = [];
  const other = (where: string, field: string, message: string) => problems.push({ claim: null, report: null, where, field, message });

  for (const [name, items] of [
    ['story', db.stories],
    ['outlet', db.outlets],
    ['article', db.articles],
    ['claim', db.claims],
  ] as const) {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) {
        const where = name === 'claim' ? claimPlace(item.id) : `${name} "${item.id}"`;
        problems.push({ claim: name === 'claim' ? item.id : null, report: null, where, field: 'id', message: `id "${item.id}" is used by more than one ${name} (again at ${name}s[${i}])` });
      }
      seen.add(item.id);
    });
  }

  const hostOwners = new Map<string, string>();
  for (const outlet of db.outlets) {
    outlet.hosts.forEach((host, i) => {
      const owner = hostOwners.get(host);
      if (owner && owner !== outlet.id) other(`outlet "${outlet.id}"`, `hosts[${i}]`, `host "${host}" already belongs to outlet "${owner}"`);
      hostOwners.set(host, outlet.id);
    });
  }

  const outletIds = new Set(db.outlets.map((o) => o.id));
  for (const article of db.articles) {
    if (!outletIds.has(article.outlet)) other(`article "${article.id}"`, 'outlet', `unknown outlet "${article.outlet}"`);
  }

  const storyDates = new Map(db.stories.map((s) => [s.id, s.date]));
  const articleIds = new Set(db.articles.map((a) => a.id));
  for (const claim of db.claims) {
    if (!storyDates.has(claim.story)) {
      problems.push({ claim: claim.id, report: null, where: claimPlace(claim.id), field: 'story', message: `unknown story "${claim.story}"` });
    }
    claim.reports.forEach((report, index) => {
      const where = claimPlace(claim.id, { index, article: report.article });
      const add = (field: string, message: string) => problems.push({ claim: claim.id, report: index, where, field, message });
      if (!articleIds.has(report.article)) add('article', `unknown article "${report.article}"`);
      report.quantities.forEach((quantity, q) => {
        if (!report.quote.includes(quantity.text)) {
          add(`quantities[${q}].text`, `"${quantity.text}" is not in the quote`);
          return;
        }
        try {
          readValue(quantity.text, quantity.kind, { storyDate: storyDates.get(claim.story) });
        } catch (error) {
          if (!(error instanceof UnreadableValueError)) throw error;
          add(`quantities[${q}].text`, error.message);
        }
      });
    });
  }
  return problems;
}
