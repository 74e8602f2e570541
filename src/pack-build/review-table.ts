// The table the curator reviews a built pack from: each proposed claim with its status and its
// outlets' versions (quote, credit, values), then the sentences the builder was unsure of. Plain
// text within 100 columns, like the other tools' output.
import type { Pack } from '../core/database/schema';
import type { UnsureSentence } from './build-pack';

export interface ClaimStatus {
  status: string;
  reasons: readonly string[];
}

const WIDTH = 100;

/** One line of at most `width` characters: line breaks in quotes become spaces, and a long line ends in "…". */
function clip(text: string, width: number): string {
  const line = text.replace(/[\r\n]+/g, ' ');
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

export function reviewTable(pack: Pack, statusOf: (claimId: string) => ClaimStatus, unsure: readonly UnsureSentence[], articleNames: readonly string[]): string {
  const outletName = new Map(pack.outlets.map((o) => [o.id, o.name]));
  const outletOfArticle = new Map(pack.articles.map((a) => [a.id, outletName.get(a.outlet) ?? a.outlet]));
  const lines: string[] = [];
  const idWidth = Math.min(40, Math.max(5, ...pack.claims.map((c) => c.id.length)));
  lines.push(`${'claim'.padEnd(idWidth)}  ${'status'.padEnd(18)}  outlets`, '');
  for (const claim of pack.claims) {
    const { status, reasons } = statusOf(claim.id);
    const outlets = [...new Set(claim.reports.map((r) => outletOfArticle.get(r.article) ?? r.article))];
    lines.push(clip(`${claim.id.padEnd(idWidth)}  ${status.padEnd(18)}  ${outlets.length}`, WIDTH));
    for (const reason of reasons) lines.push(clip(`    ${reason}`, WIDTH));
    for (const report of claim.reports) {
      const outlet = outletOfArticle.get(report.article) ?? report.article;
      const credit = report.attribution === null ? '' : ` [${report.attribution}]`;
      const values = report.values.length === 0 ? '' : ` {${report.values.map((v) => ('of' in v && v.of !== undefined ? `${v.kind} ${v.of}: ` : `${v.kind}: `) + v.text).join('; ')}}`;
      lines.push(clip(`    ${outlet}: "${report.quote}"${credit}${values}`, WIDTH));
    }
    lines.push(`    summary: ${clip(claim.summary, WIDTH - 13)}`);
  }
  if (unsure.length > 0) {
    lines.push('', 'Sentences to check:');
    for (const item of unsure) {
      lines.push(clip(`  ${articleNames[item.sentence.article] ?? item.sentence.article}: "${item.sentence.text}"`, WIDTH));
      lines.push(clip(`      ${item.claim === null ? '' : `${item.claim}: `}${item.why}`, WIDTH));
    }
  }
  return lines.join('\n');
}
