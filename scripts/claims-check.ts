// npm run claims:check -- [database.json ...] [--seeds DIR]
// Validates the claim database(s) against the schema and the seed article texts, prints each claim
// with its outlets, whether they agree or differ and why (within 100 columns), and exits 1 naming
// claim, report and field on problems.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDatabase } from '../src/core/database/check';
import type { LoadedClaim, LoadedDatabase } from '../src/core/database/load';
import { formatProblem } from '../src/core/database/problems';
import { readArgs, runScript } from './lib/args';
import { wrap } from './lib/columns';
import { readSeedTexts } from './lib/data';
import { DATABASE_DIR, SEEDS_DIR } from './lib/paths';

const USAGE = 'npm run claims:check -- [database.json ...] [--seeds DIR]';

/** One claim: "id (status): N outlets: names", then each reason and the curator's note. */
function claimLines(claim: LoadedClaim): string[] {
  const outlets = [...new Set(claim.reports.map((r) => r.outletRecord.name))];
  const why = claim.reasons.length > 0 ? [...claim.reasons] : ['no figures stated by two or more reports'];
  if (claim.note) why.push(`note: ${claim.note}`);
  return [
    ...wrap(`${claim.id} (${claim.status}): ${outlets.length} outlet${outlets.length === 1 ? '' : 's'}: ${outlets.join(', ')}`, '', '    '),
    ...why.flatMap((reason) => wrap(reason, '  ', '      ')),
  ];
}

export function summary(db: LoadedDatabase): string {
  const differ = db.claims.filter((c) => c.status === 'differ').length;
  const reports = db.claims.reduce((n, c) => n + c.reports.length, 0);
  return [
    ...db.claims.flatMap((claim) => [...claimLines(claim), '']),
    `${db.claims.length} claims, ${reports} reports, ${differ} differ, ${db.claims.length - differ} agree`,
  ].join('\n');
}

function main(): number {
  const { values: args, positionals } = readArgs({ options: { seeds: { type: 'string' } }, allowPositionals: true });
  const files = positionals.length > 0
    ? positionals.map((f) => path.resolve(f))
    : readdirSync(DATABASE_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(DATABASE_DIR, f));
  const texts = readSeedTexts(args.seeds === undefined ? SEEDS_DIR : path.resolve(args.seeds));
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
    if (result.database) console.log(`${relative}\n\n${summary(result.database)}\n`);
    if (result.problems.length > 0) {
      failed = true;
      console.error(`${relative}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:`);
      for (const problem of result.problems) console.error(wrap(`- ${formatProblem(problem)}`, '  ', '    ').join('\n'));
    } else {
      console.log(`${relative}: OK`);
    }
  }
  return failed ? 1 : 0;
}

void runScript(import.meta, 'claims:check', USAGE, main);
