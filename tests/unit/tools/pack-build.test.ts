import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script';

const packBuild = (...args: string[]) => runScript('pack-build.ts', ...args);
const STORY = 'tests/fixtures/stories/northern-lark-ferry-fire-2025';
const ARTICLES = [
  'carrow-examiner.txt',
  'channel-north-news.html',
  'daily-beacon.html',
  'ferry-ropax-review.txt',
  'northline-news-agency.txt',
].map((f) => `${STORY}/articles/${f}`);

describe('npm run pack:build', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-build-'));

  it("builds the ferry story's draft pack, which claims:check accepts, and prints the review table and the measurement", async () => {
    const out = join(dir, 'ferry.json');
    // By words alone, so the test needs no model and runs in seconds; the encoder's path is the same.
    const run = await packBuild(
      ...ARTICLES,
      '--story',
      'The Northern Lark ferry fire',
      '--out',
      out,
      '--words-only',
      '--score-against',
      `${STORY}/facts.json`,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^claim +status +outlets$/m);
    expect(run.stdout).toMatch(/^Sentences to check:$/m);
    expect(run.stdout).toMatch(
      /^\d+ claims from 5 articles \(\d+ sentences and clauses\): \d+ differ, \d+ agree, \d+ nothing to compare/m,
    );
    expect(run.stdout).toMatch(/story date 2025-03-14 \(the day \d articles refer to\); aligned by words alone/);
    expect(run.stdout).toMatch(/curated claims found \(two or more outlets\): +\d+\/26 = /);
    expect(run.stdout).toMatch(/quotes verbatim, prefix and suffix in place: +(\d+)\/\1 = 1\.000/);
    // The paths as given (here an absolute output outside the repository), not relative to the cwd.
    expect(run.stdout).toContain(
      `wrote ${out}; check it with npm run claims:check -- ${out} --seeds ${STORY}/articles\n`,
    );
    expect(run.stdout).toContain(`Measured against ${STORY}/facts.json:`);
    const pack = JSON.parse(readFileSync(out, 'utf8'));
    expect(pack).toMatchObject({ format: 'parallax-pack', id: 'northern-lark-ferry-fire-2025', draft: true });

    const check = await runScript('claims-check.ts', out, '--seeds', `${STORY}/articles`);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(': OK');
  });

  it('exits 1 naming a bad article file', async () => {
    const bad = join(dir, 'no-header.txt');
    writeFileSync(bad, 'The ferry caught fire off the coast on Friday night.\n');
    const run = await packBuild(ARTICLES[0]!, bad, '--story', 'x', '--out', join(dir, 'x.json'), '--words-only');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `pack:build: ${bad}: has no header: a text article starts with outlet:, url:, published: and title: lines`,
    );
  });

  it('exits 2 with usage when the story is empty, or the output or a second article is missing', async () => {
    for (const args of [
      [ARTICLES[0]!, ARTICLES[1]!, '--story', ' ', '--out', 'x.json'],
      [ARTICLES[0]!, ARTICLES[1]!, '--story', 'x'],
      [ARTICLES[0]!, '--story', 'x', '--out', 'x.json'],
    ]) {
      const run = await packBuild(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('usage: npm run pack:build -- <article files...> [--story "<title>"] --out');
    }
  });
});
