// npm run claims:check [database.json ...] [--seeds DIR]
// Validates the claim database(s) against the schema and the seed article texts, prints a summary
// table (claim, outlets, agree/differ, why), and exits 1 naming claim, report and field on problems.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkDatabase } from '../src/core/database/check';
import { formatProblem } from '../src/core/database/problems';
import type { LoadedDatabase } from '../src/core/database/load';

const root = path.resolve(import.meta.dirname, '..');

function parseArgs(argv: string[]) {
  const files: string[] = [];
  let seeds = path.join(root, 'assets/seeds');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--seeds') seeds = path.resolve(argv[++i] ?? '');
    else files.push(path.resolve(arg));
  }
  if (files.length === 0) {
    const dir = path.join(root, 'assets/database');
    files.push(...readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f)));
  }
  return { files, seeds };
}

function readTexts(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

function summaryTable(db: LoadedDatabase): string {
  const rows = db.claims.map((claim) => {
    const outlets = [...new Set(claim.reports.map((r) => r.outletRecord.name))];
    const why = claim.reasons.length ? [...claim.reasons] : ['no figures stated by two or more reports'];
    if (claim.note) why.push(`note: ${claim.note}`);
    return { id: claim.id, outlets: `${outlets.length}: ${outlets.join(', ')}`, status: claim.status, why };
  });
  const widths = {
    id: Math.max(5, ...rows.map((r) => r.id.length)),
    outlets: Math.max(7, ...rows.map((r) => r.outlets.length)),
  };
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(widths.id)}  ${b.padEnd(widths.outlets)}  ${c.padEnd(6)}  ${d}`;
  const out = [line('claim', 'outlets', 'status', 'why'), line('-'.repeat(widths.id), '-'.repeat(widths.outlets), '------', '---')];
  for (const row of rows) {
    row.why.forEach((reason, i) => out.push(i === 0 ? line(row.id, row.outlets, row.status, reason) : line('', '', '', reason)));
  }
  const differ = rows.filter((r) => r.status === 'differ').length;
  out.push('', `${rows.length} claims, ${db.claims.reduce((n, c) => n + c.reports.length, 0)} reports, ${differ} differ, ${rows.length - differ} agree`);
  return out.join('\n');
}

function main(): number {
  const { files, seeds } = parseArgs(process.argv.slice(2));
  const texts = readTexts(seeds);
  let failed = false;
  for (const file of files) {
    const relative = path.relative(process.cwd(), file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      console.error(`${relative}: cannot be read as JSON: ${(error as Error).message}`);
      failed = true;
      continue;
    }
    const result = checkDatabase(json, texts);
    if (result.database) console.log(`${relative}\n\n${summaryTable(result.database)}\n`);
    if (result.problems.length > 0) {
      failed = true;
      console.error(`${relative}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:`);
      for (const problem of result.problems) console.error(`  - ${formatProblem(problem)}`);
    } else {
      console.log(`${relative}: OK`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
