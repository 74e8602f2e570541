// npm run claims:check -- [pack.json ...] [--pack pack.json ...] [--seeds DIR]
// Validates claim packs (every bundled pack when none is given) against the schema and their
// article files, prints each claim with its outlets, whether they agree, differ or give nothing to
// compare and why (within 100 columns), and exits 1 naming claim, report and field on problems.
import path from 'node:path';
import { checkPack } from '../core/database/check';
import type { LoadedClaim, LoadedDatabase } from '../core/database/load';
import { formatProblem } from '../core/database/problems';
import { readArgs, runScript } from '../node/helpers/args';
import { wrap } from '../node/helpers/columns';
import { bundledPackPaths, PackFileError, readPackJson, readSeedTexts } from '../node/data';
import { SEEDS_DIR } from '../node/paths';

const USAGE = 'npm run claims:check -- [pack.json ...] [--pack pack.json ...] [--seeds DIR]';

const STATUS_WORDS = { agree: 'agree', differ: 'differ', 'not-compared': 'nothing to compare' } as const;

/** One claim: "id (status): N outlets: names", then each reason and the curator's note. */
function claimLines(claim: LoadedClaim): string[] {
  const outlets = [...new Set(claim.reports.map((r) => r.outletRecord.name))];
  const why = [...claim.reasons];
  if (claim.note) why.push(`note: ${claim.note}`);
  return [
    ...wrap(
      `${claim.localId} (${STATUS_WORDS[claim.status]}): ${outlets.length} outlet${outlets.length === 1 ? '' : 's'}: ${outlets.join(', ')}`,
      '',
      '    ',
    ),
    ...why.flatMap((reason) => wrap(reason, '  ', '      ')),
  ];
}

export function summary(db: LoadedDatabase): string {
  const count = (status: LoadedClaim['status']) => db.claims.filter((c) => c.status === status).length;
  const reports = db.claims.reduce((n, c) => n + c.reports.length, 0);
  const stories = db.combined.packs.map((s) => `${s.id} ${s.version}: ${s.title} (${s.date})`);
  return [
    ...stories,
    '',
    ...db.claims.flatMap((claim) => [...claimLines(claim), '']),
    `${db.claims.length} claims, ${reports} reports: ${count('differ')} differ, ${count('agree')} agree, ${count('not-compared')} nothing to compare`,
  ].join('\n');
}

function main(): number {
  const { values: args, positionals } = readArgs({
    options: { seeds: { type: 'string' }, pack: { type: 'string', multiple: true } },
    allowPositionals: true,
  });
  const given = [...positionals, ...(args.pack ?? [])];
  const files = given.length > 0 ? given.map((f) => path.resolve(f)) : bundledPackPaths();
  const texts = readSeedTexts(args.seeds === undefined ? SEEDS_DIR : path.resolve(args.seeds));
  let failed = false;
  for (const file of files) {
    const relative = path.relative(process.cwd(), file);
    let json: unknown;
    try {
      json = readPackJson(file);
    } catch (error) {
      if (!(error instanceof PackFileError)) throw error;
      console.error(error.message);
      failed = true;
      continue;
    }
    const result = checkPack(json, texts);
    if (result.database) console.log(`${relative}\n\n${summary(result.database)}\n`);
    if (result.problems.length > 0) {
      failed = true;
      console.error(`${relative}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:`);
      for (const problem of result.problems)
        console.error(wrap(`- ${formatProblem(problem)}`, '  ', '    ').join('\n'));
    } else {
      console.log(`${relative}: OK`);
    }
  }
  return failed ? 1 : 0;
}

void runScript(import.meta, 'claims:check', USAGE, main);
