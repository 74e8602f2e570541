// The table the curator reviews a built pack from: each proposed claim with its status and its
// outlets' versions (quote, credit, values), then the sentences the builder was unsure of. Plain
// text within 100 columns, like the other tools' output: long lines are wrapped, never cut, since
// their ends say which figures differ and what each outlet's values are.
import type { Pack } from '../../core/database/schema';
import { wrap } from '../../core/text/wrap';
import type { UnsureSentence } from './build-pack';
import { quoted } from '../../core/english/lists';

export interface ClaimStatus {
  status: string;
  reasons: readonly string[];
}

const WIDTH = 100;

/** `text` as lines of at most WIDTH characters (unless one word is longer), line breaks in quotes read as spaces, continuation lines indented by `hang`. */
function layout(text: string, indent: string, hang: string): string[] {
  return wrap(text.replace(/[\r\n]+/g, ' '), indent, hang, WIDTH);
}

export function reviewTable(
  pack: Pack,
  statusOf: (claimId: string) => ClaimStatus,
  unsure: readonly UnsureSentence[],
  articleNames: readonly string[],
): string {
  const outletName = new Map(pack.outlets.map((o) => [o.id, o.name]));
  const outletOfArticle = new Map(pack.articles.map((a) => [a.id, outletName.get(a.outlet) ?? a.outlet]));
  const lines: string[] = [];
  const idWidth = Math.min(40, Math.max(5, ...pack.claims.map((c) => c.id.length)));
  lines.push(`${'claim'.padEnd(idWidth)}  ${'status'.padEnd(18)}  outlets`, '');
  for (const claim of pack.claims) {
    const { status, reasons } = statusOf(claim.id);
    const outlets = [...new Set(claim.reports.map((r) => outletOfArticle.get(r.article) ?? r.article))];
    lines.push(...layout(`${claim.id.padEnd(idWidth)}  ${status.padEnd(18)}  ${outlets.length}`, '', '    '));
    for (const reason of reasons) lines.push(...layout(reason, '    ', '      '));
    for (const report of claim.reports) {
      const outlet = outletOfArticle.get(report.article) ?? report.article;
      const credit = report.attribution === null ? '' : ` [${report.attribution}]`;
      const values =
        report.values.length === 0
          ? ''
          : ` {${report.values.map((v) => ('of' in v && v.of !== undefined ? `${v.kind} ${v.of}: ` : `${v.kind}: `) + v.text).join('; ')}}`;
      lines.push(...layout(`${outlet}: ${quoted(report.quote)}${credit}${values}`, '    ', '        '));
    }
    lines.push(...layout(`summary: ${claim.summary}`, '    ', '        '));
  }
  if (unsure.length > 0) {
    lines.push('', 'Sentences to check:');
    for (const item of unsure) {
      lines.push(
        ...layout(
          `${articleNames[item.sentence.article] ?? item.sentence.article}: ${quoted(item.sentence.text)}`,
          '  ',
          '      ',
        ),
      );
      lines.push(...layout(`${item.claim === null ? '' : `${item.claim}: `}${item.why}`, '      ', '        '));
    }
  }
  return lines.join('\n');
}
