// Checks that need the whole pack but not the article texts: ids are unique, references resolve,
// the totals are sound, and every value's words are in its quote and can be read. They run when a
// pack loads, when a reader installs one, and in npm run claims:check.
import { readValue } from '../quantities/read-value';
import { UnreadableValueError } from '../quantities/types';
import { claimPlace, type Problem } from './problems';
import type { Pack } from './schema';
import type { PackBudget } from './pack-budget';

/** `budget`, in the service worker, stops a pack that takes too long (pack-budget.ts). */
export function checkIntegrity(pack: Pack, budget?: PackBudget): Problem[] {
  const problems: Problem[] = [];
  const other = (where: string, field: string, message: string) =>
    problems.push({ claim: null, report: null, where, field, message });

  for (const [name, items] of [
    ['outlet', pack.outlets],
    ['article', pack.articles],
    ['claim', pack.claims],
  ] as const) {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) {
        const where = name === 'claim' ? claimPlace(item.id) : `${name} "${item.id}"`;
        problems.push({
          claim: name === 'claim' ? item.id : null,
          report: null,
          where,
          field: 'id',
          message: `id "${item.id}" is used by more than one ${name} (again at ${name}s[${i}])`,
        });
      }
      seen.add(item.id);
    });
  }

  const hostOwners = new Map<string, string>();
  for (const outlet of pack.outlets) {
    outlet.hosts.forEach((host, i) => {
      const owner = hostOwners.get(host);
      if (owner && owner !== outlet.id)
        other(`outlet "${outlet.id}"`, `hosts[${i}]`, `host "${host}" already belongs to outlet "${owner}"`);
      hostOwners.set(host, outlet.id);
    });
  }

  const outletsById = new Map(pack.outlets.map((o) => [o.id, o]));
  for (const article of pack.articles) {
    const outlet = outletsById.get(article.outlet);
    if (!outlet) {
      other(`article "${article.id}"`, 'outlet', `unknown outlet "${article.outlet}"`);
      continue;
    }
    // The outlet's readers are never shown its own reports: that rests on its articles being on its hosts.
    const hostname = hostnameOf(article.url);
    if (hostname !== null && !outlet.hosts.some((host) => hostname === host || hostname.endsWith(`.${host}`))) {
      other(
        `article "${article.id}"`,
        'url',
        `its address is on ${hostname}, not on a host of its outlet "${outlet.id}" (${outlet.hosts.join(', ')})`,
      );
    }
  }

  pack.totals.forEach((total, i) => {
    if (total.parts.includes(total.of)) other('pack', `totals[${i}].parts`, `"${total.of}" cannot be a part of itself`);
    if (new Set(total.parts).size !== total.parts.length) other('pack', `totals[${i}].parts`, 'a part is listed twice');
  });

  const articles = new Map(pack.articles.map((a) => [a.id, a]));
  for (const claim of pack.claims) {
    budget?.charge(pack.id);
    claim.reports.forEach((report, index) => {
      const where = claimPlace(claim.id, { index, article: report.article });
      const add = (field: string, message: string) =>
        problems.push({ claim: claim.id, report: index, where, field, message });
      const article = articles.get(report.article);
      if (!article) add('article', `unknown article "${report.article}"`);
      report.values.forEach((value, v) => {
        if (!report.quote.includes(value.text)) {
          add(`values[${v}].text`, `"${value.text}" is not in the quote`);
          return;
        }
        try {
          readValue(value, { storyDate: pack.story.date, articleDate: article?.published ?? null });
        } catch (error) {
          if (!(error instanceof UnreadableValueError)) throw error;
          add(`values[${v}].text`, error.message);
        }
      });
    });
  }
  budget?.settle();
  return problems;
}

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
}
