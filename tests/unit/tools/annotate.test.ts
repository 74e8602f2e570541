import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNpmScript, runScript } from './run-script';

const annotate = (...args: string[]) => runScript('annotate.ts', ...args);
const SEED_PAGE = 'tests/fixtures/pages/seed-straits-times.html';

/** A file with these bytes in a fresh temporary directory. */
function tempFile(name: string, bytes: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'parallax-annotate-')), name);
  writeFileSync(path, bytes);
  return path;
}

const keys = (o: object): string[] => Object.keys(o).sort();

describe('npm run annotate', { timeout: 60_000 }, () => {
  // Each test starts the script in a child process (about 1.5 s each, more on a loaded machine;
  // with meaning, loading the model adds 1.5–2 s of CPU).
  it('prints one JSON document of the documented shape, without the page outlet\u2019s own reports', async () => {
    const run = await annotate('tests/fixtures/pages/seed-straits-times.html', '--json');
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      url: string;
      meaning: { model: string | null };
      matches: { text: string; start: number; end: number; claims: Record<string, unknown>[] }[];
    };
    expect(keys(doc)).toEqual(['matches', 'meaning', 'url']);
    // The model is installed (npm install provisions it; its absence is a failure here).
    expect(doc.meaning.model).toBe('all-minilm-l6-v2-q');
    expect(doc.url).toBe(
      'https://www.straitstimes.com/world/middle-east/secret-deal-let-isis-fighters-flee-from-raqqa',
    );
    expect(doc.matches.length).toBeGreaterThan(5);
    for (const m of doc.matches) {
      expect(keys(m)).toEqual(['claims', 'end', 'start', 'text']);
      expect(m.end - m.start).toBe(m.text.length);
      for (const c of m.claims) {
        expect(keys(c)).toEqual(['by', 'compared', 'id', 'reports', 'score', 'status', 'statusText', 'summary']);
        expect(['agree', 'differ', 'not-compared']).toContain(c.status);
        // The tooltip's words, never agreement for nothing to compare.
        const words = {
          agree: /^Outlets agree$/,
          differ: /^Outlets differ( on .+)?$/,
          'not-compared': /^Same fact, nothing to compare$/,
        };
        expect(c.statusText).toMatch(words[c.status as keyof typeof words]);
        expect(['words', 'meaning']).toContain(c.by);
        expect(typeof c.score).toBe('number');
        const reports = c.reports as Record<string, unknown>[];
        expect(reports.length).toBeGreaterThan(0);
        for (const r of reports) {
          expect(keys(r)).toEqual(['attribution', 'outlet', 'published', 'quote', 'url']);
          expect(r.outlet).not.toBe('The Straits Times');
        }
      }
    }
  });

  it("prints what the tooltip compares, this page's own figure first, on the page of an outlet outside the packs", async () => {
    const run = await annotate('tests/fixtures/outside-pages/raqqa/smmsyria.html', '--no-meaning');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^1\. “Report: Coalition secretly allowed 4000 ISIS members to leave Raqqa”$/m);
    expect(run.stdout).toMatch(
      /^ {5}People \(differ\): This page 4000 · News Nation 250 fighters, 3,500 family members \[sum of its figures: 3,750\] · /m,
    );
  });

  it('takes the address from --url over the canonical link', async () => {
    const run = await annotate(
      'tests/fixtures/pages/seed-straits-times.html',
      '--url',
      'https://elsewhere.example/story',
      '--json',
      '--no-meaning',
    );
    const doc = JSON.parse(run.stdout) as { url: string; matches: { claims: { reports: { outlet: string }[] }[] }[] };
    expect(doc.url).toBe('https://elsewhere.example/story');
    // Not the outlet's own page any more: its reports may be shown.
    expect(doc.matches.some((m) => m.claims.some((c) => c.reports.some((r) => r.outlet === 'The Straits Times')))).toBe(
      true,
    );
  });

  it('prints pure JSON through npm run --silent, as the README says', async () => {
    // With meaning: nothing the model's runtime prints may reach stdout.
    const run = await runNpmScript('annotate', { silent: true }, SEED_PAGE, '--json');
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('{')).toBe(true);
    expect((JSON.parse(run.stdout) as { matches: unknown[] }).matches.length).toBeGreaterThan(5);
  });

  it('writes the JSON alone to the file --out names, whatever npm prints around it', async () => {
    const out = tempFile('annotation.json', '');
    const run = await runNpmScript('annotate', { silent: false }, SEED_PAGE, '--json', '--no-meaning', '--out', out);
    expect(run.status).toBe(0);
    // Without --silent, npm's banner is on stdout: the README says so, and points to --silent or --out.
    expect(run.stdout).toMatch(/^\s*> parallax@[\d.]+ annotate\n/);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { matches: unknown[] };
    expect(doc.matches.length).toBeGreaterThan(5);
  });

  it('says so, and fails, when the --out file cannot be written', async () => {
    const run = await annotate(
      SEED_PAGE,
      '--no-meaning',
      '--out',
      join(tmpdir(), 'no-such-folder-for-parallax', 'out.txt'),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^annotate: cannot write \S+out\.txt: ENOENT/);
  });

  it('prints readable text that explains its marks, with offsets only when asked', async () => {
    const run = await annotate(SEED_PAGE, '--no-meaning');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Page: https:\/\/www\.straitstimes\.com\/\S+ \(The Straits Times: its own reports are left out\)$/m,
    );
    expect(run.stdout).toContain('Matched by words only (--no-meaning).');
    expect(run.stdout).toMatch(/^\d+ passages on this page state facts held in the claim packs\.$/m);
    expect(run.stdout).toContain(
      '\u2260 Outlets differ (on what),\n= Outlets agree, \u00b7 Same fact, nothing to compare (never called agreement)',
    );
    expect(run.stdout).toMatch(/^ {3}\u2260 .+\n {5}Outlets differ on the figures$/m);
    expect(run.stdout).toMatch(/^ {3}\u00b7 .+\n {5}Same fact, nothing to compare$/m);
    expect(run.stdout).toContain('score: how closely the passage states the fact');
    expect(run.stdout).toMatch(/^1\. “Secret deal let ISIS fighters flee from Raqqa”$/m);
    expect(run.stdout).toMatch(/^ {3}[=\u2260\u00b7] .+ \(raqqa-convoy-2017\/[a-z-]+, score \d\.\d\d\)$/m);
    expect(run.stdout).not.toMatch(/\[\d+\u2013\d+\]/);
    const withOffsets = await annotate(SEED_PAGE, '--offsets', '--no-meaning');
    expect(withOffsets.stdout).toMatch(/^1\. \[\d+\u2013\d+\] “Secret deal/m);
    expect(withOffsets.stdout).toContain('[start\u2013end]: character offsets in the page text');
  });

  it('marks what meaning found where words fell short (the retelling page)', async () => {
    const run = await annotate('tests/fixtures/pages/retelling-meridian-daily.html');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Matched by words and by meaning (sentence encoder all-minilm-l6-v2-q).');
    // "Their purpose, those involved say, was to stop the killing…" shares too few words with the
    // outlets' "the aim was to spare the lives of attacking forces" to be found by words alone.
    expect(run.stdout).toMatch(
      /^\d+\. “Their purpose, those involved say, was to stop the killing[^\n]*\n(?: {3}.*\n| {7}.*\n)*? {3}[=\u2260\u00b7] .*\(raqqa-convoy-2017\/deal-aim-spare-lives, by meaning, score \d\.\d\d\)$/m,
    );
    const wordsOnly = await annotate('tests/fixtures/pages/retelling-meridian-daily.html', '--no-meaning');
    expect(wordsOnly.stdout).not.toContain('deal-aim-spare-lives');
  });

  it('matches against the packs given with --pack as well as the bundled ones, in the same JSON shape', async () => {
    const story = 'tests/fixtures/stories/northern-lark-ferry-fire-2025';
    const page = `${story}/pages/coastline-today.html`;
    const without = JSON.parse((await annotate(page, '--json')).stdout) as { matches: unknown[] };
    expect(without.matches).toEqual([]);
    const run = await annotate(page, '--pack', `${story}/pack.json`, '--json');
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      matches: { claims: { id: string; status: string; reports: Record<string, unknown>[] }[] }[];
    };
    expect(doc.matches.length).toBeGreaterThan(5);
    const ids = doc.matches.flatMap((m) => m.claims.map((c) => c.id));
    expect(ids.every((id) => id.startsWith('northern-lark-ferry-fire-2025/'))).toBe(true);
    expect(ids).toContain('northern-lark-ferry-fire-2025/alarm-time');
    for (const m of doc.matches)
      for (const c of m.claims)
        for (const r of c.reports) expect(keys(r)).toEqual(['attribution', 'outlet', 'published', 'quote', 'url']);
  });

  it('names the pack file and the problem when a --pack cannot be used', async () => {
    const run = await annotate(SEED_PAGE, '--pack', 'tests/fixtures/broken-packs/unreadable-value.json');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'annotate: tests/fixtures/broken-packs/unreadable-value.json: the claim pack "raqqa-convoy-2017" has 1 problem',
    );
    expect(run.stderr).toContain('values[0].text: cannot read a value from "convoy carrying"');
  });

  it('says plainly when a page states no fact of the database', async () => {
    const run = await annotate('tests/fixtures/pages/unrelated-news.html');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No passage on this page states a fact held in the claim packs.');
  });

  it('refuses binary input, naming what it is, and reads plain text with a warning', async () => {
    const png = await annotate(
      tempFile('chart.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    );
    expect(png.status).toBe(1);
    expect(png.stderr).toMatch(/cannot annotate .*chart\.png: it is a PNG image, not an HTML page/);
    expect(png.stdout).toBe('');
    let seed = 3;
    const noise = await annotate(
      tempFile(
        'page.html',
        new Uint8Array(8192).map(() => (seed = (seed * 48271) % 2147483647) & 255),
      ),
    );
    expect(noise.status).toBe(1);
    expect(noise.stderr).toContain('it is binary data, not text, not an HTML page');
    const text = await annotate(tempFile('notes.txt', 'ISIS fighters left Raqqa in a convoy of trucks and buses.\n'));
    expect(text.status).toBe(0);
    expect(text.stderr).toMatch(/notes\.txt is plain text with no HTML markup; reading it as the text of a page/);
    expect(text.stdout).toMatch(/^Page: no address/m);
  });

  it('fails clearly on a missing file', async () => {
    const run = await annotate('tests/fixtures/pages/no-such-page.html');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('cannot read tests/fixtures/pages/no-such-page.html: no such file');
  });

  it('fails with usage on no arguments', async () => {
    const run = await annotate();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run annotate');
  });
});
