import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

function annotate(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(tsx, [resolve(root, 'scripts/annotate.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const keys = (o: object): string[] => Object.keys(o).sort();

describe('npm run annotate', () => {
  it('prints one JSON document of the documented shape, without the page outlet\u2019s own reports', () => {
    const run = annotate('tests/fixtures/pages/seed-straits-times.html', '--json');
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as { url: string; matches: { text: string; start: number; end: number; claims: Record<string, unknown>[] }[] };
    expect(keys(doc)).toEqual(['matches', 'url']);
    expect(doc.url).toBe('https://www.straitstimes.com/world/middle-east/secret-deal-let-isis-fighters-flee-from-raqqa');
    expect(doc.matches.length).toBeGreaterThan(5);
    for (const m of doc.matches) {
      expect(keys(m)).toEqual(['claims', 'end', 'start', 'text']);
      expect(m.end - m.start).toBe(m.text.length);
      for (const c of m.claims) {
        expect(keys(c)).toEqual(['id', 'reports', 'score', 'status', 'summary']);
        expect(['agree', 'differ']).toContain(c.status);
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

  it('takes the address from --url over the canonical link', () => {
    const run = annotate('tests/fixtures/pages/seed-straits-times.html', '--url', 'https://elsewhere.example/story', '--json');
    const doc = JSON.parse(run.stdout) as { url: string; matches: { claims: { reports: { outlet: string }[] }[] }[] };
    expect(doc.url).toBe('https://elsewhere.example/story');
    // Not the outlet's own page any more: its reports may be shown.
    expect(doc.matches.some((m) => m.claims.some((c) => c.reports.some((r) => r.outlet === 'The Straits Times')))).toBe(true);
  });

  it('prints readable text without --json, and nothing for an unrelated page', () => {
    const run = annotate('tests/fixtures/pages/unrelated-news.html');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 passage(s)');
  });

  it('fails clearly on a missing file', () => {
    const run = annotate('tests/fixtures/pages/no-such-page.html');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('cannot read tests/fixtures/pages/no-such-page.html: no such file');
  });

  it('fails with usage on no arguments', () => {
    const run = annotate();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run annotate');
  });
});
