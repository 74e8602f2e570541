import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './seed-texts';

function claimsCheck(...args: string[]) {
  const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
  return spawnSync(tsx, ['scripts/claims-check.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
}

describe('npm run claims:check', () => {
  it('prints the summary table for the bundled database and exits 0', () => {
    const run = claimsCheck();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^claim\s+outlets\s+status\s+why$/m);
    expect(run.stdout).toMatch(/^convoy-length\s+4: .*agree\s+convoy length: .*4 mi \(6\.4 km\)/m);
    expect(run.stdout).toMatch(/^convoy-vehicles\s+.*differ\s+/m);
    expect(run.stdout).toMatch(/buses: 13 \(News Nation, The Straits Times\) vs 12 \(Watchout News\): differ/);
    expect(run.stdout).toContain('raqqa-convoy-2017.json: OK');
  });

  it('exits 1 and names claim, report and field for a broken file given as an argument', () => {
    const run = claimsCheck('tests/fixtures/broken-databases/suffix-mismatch.json');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('suffix-mismatch.json: 1 problem');
    expect(run.stderr).toContain('claim "convoy-length", report 0 (article straits-times-2017-11-15), suffix: does not match');
  });

  it('exits 1 on a file that is not JSON', () => {
    const run = claimsCheck('README.md');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('README.md: cannot be read as JSON');
  });
});
