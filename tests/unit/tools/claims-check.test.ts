import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script';

const claimsCheck = (...args: string[]) => runScript('claims-check.ts', ...args);

/** The output with wrapped lines joined back, so that a claim's reasons read as one line each. */
const unwrapped = (text: string): string => text.replace(/\n {4,}/g, ' ');

describe('npm run claims:check', { timeout: 30_000 }, () => {
  // Each test starts the script in a child process (about 1.5 s each, more on a loaded machine).
  it('prints each claim with its outlets, agree or differ and why, and exits 0', async () => {
    const run = await claimsCheck();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = unwrapped(run.stdout);
    expect(text).toMatch(/^convoy-length \(agree\): 4 outlets: News Nation, Al Bawaba, 5Pillars, The Straits Times$/m);
    expect(text).toMatch(/^ {2}distance \(convoy\): .*6–7 km.*; 5Pillars says 4 mi \(6\.4 km\).*: agree$/m);
    expect(text).toMatch(/^dillon-strategy-quote \(nothing to compare\): /m);
    expect(text).toMatch(/^convoy-vehicles \(differ\): /m);
    expect(text).toMatch(
      /^ {2}buses: News Nation and The Straits Times say 13; Watchout News says a dozen \(12\): differ$/m,
    );
    expect(text).toMatch(/^ {2}note: Four miles is about 6\.4 km/m);
    expect(run.stdout).toContain('31 claims, 106 reports: 7 differ, 4 agree, 20 nothing to compare');
    expect(run.stdout).toContain('assets/packs/raqqa-convoy-2017.json: OK');
  });

  it('fits a 100-column terminal', async () => {
    const run = await claimsCheck();
    const long = run.stdout.split('\n').filter((line) => line.length > 100);
    expect(long).toEqual([]);
    const broken = await claimsCheck('tests/fixtures/broken-packs/quote-not-verbatim.json');
    expect(broken.stderr.split('\n').filter((line) => line.length > 100)).toEqual([]);
  });

  it('exits 1 and names claim, report and field for a broken file given as an argument', async () => {
    const run = await claimsCheck('tests/fixtures/broken-packs/suffix-mismatch.json');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('suffix-mismatch.json: 1 problem');
    expect(run.stderr).toContain(
      'claim "convoy-length", report 0 (article straits-times-2017-11-15), suffix: does not match',
    );
  });

  it('checks a pack given with --pack against the article files of --seeds, HTML and headed texts included', async () => {
    const story = 'tests/fixtures/stories/northern-lark-ferry-fire-2025';
    const run = await claimsCheck('--pack', `${story}/pack.json`, '--seeds', `${story}/articles`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(unwrapped(run.stdout)).toMatch(
      /^ {2}place \(landing\): .* says? Skelby; The Daily Beacon says Port Carrow: differ$/m,
    );
    expect(run.stdout).toContain('pack.json: OK');
  });

  it('exits 1 on a file that is not JSON', async () => {
    const run = await claimsCheck('README.md');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('README.md: cannot be read as JSON');
  });

  it('refuses a file larger than any pack unread, and names a field over its bound', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-claims-check-'));
    try {
      const huge = join(dir, 'huge.json');
      const fd = openSync(huge, 'w');
      ftruncateSync(fd, 200 * 1024 * 1024);
      closeSync(fd);
      const story = 'tests/fixtures/stories/northern-lark-ferry-fire-2025';
      const pack = JSON.parse(readFileSync(`${story}/pack.json`, 'utf8'));
      pack.claims[0].summary = 'x'.repeat(5000);
      const long = join(dir, 'long.json');
      writeFileSync(long, JSON.stringify(pack));
      const run = await claimsCheck(huge, long, '--seeds', `${story}/articles`);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('huge.json: 200.0 MB, larger than the 5 MB a claim pack may be; not read');
      expect(unwrapped(run.stderr)).toContain(
        '- claim "fire-on-ferry", summary: 5,000 characters: a pack allows at most 1,000',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with usage on an unknown option', async () => {
    const run = await claimsCheck('--sedes', 'x');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('claims:check: Unknown option --sedes');
    expect(run.stderr).toContain('usage: npm run claims:check');
  });
});
