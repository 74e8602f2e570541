import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledMatching } from '../../../src/background/bundled-matching';
import { createMatchingService } from '../../../src/background/matching-service';
import { extractBlocks } from '../../../src/core/text/extract';
import { parseHtml } from '../../../src/node/parse-html';

const ROOT = resolve(import.meta.dirname, '../../..');
const STRAITS_TIMES_URL = 'https://www.straitstimes.com/world/middle-east/secret-deal-let-isis-fighters-flee-from-raqqa';

function pageBlocks(fixture: string): string[] {
  const doc = parseHtml(readFileSync(resolve(ROOT, 'tests/fixtures/pages', fixture), 'utf8'));
  return extractBlocks(doc.body).map((b) => b.text);
}

describe('matching service (bundled database)', () => {
  it('matches a seed page and presents claims without the page’s own outlet', () => {
    const service = createMatchingService(loadBundledMatching);
    const { page, claims } = service.match(STRAITS_TIMES_URL, pageBlocks('seed-straits-times.html'));
    expect(page.onStory).toBe(true);
    expect(page.matches.length).toBeGreaterThan(0);
    const views = Object.values(claims);
    expect(views.length).toBeGreaterThan(0);
    for (const view of views) expect(view.reports.map((r) => r.outletId)).not.toContain(page.outletId);
    // Every matched claim has its view.
    for (const m of page.matches) for (const c of m.claims) expect(claims[c.claimId]).toBeDefined();
  });

  it('scores each block text once: a second page with the same blocks hits the cache', () => {
    let loads = 0;
    const service = createMatchingService(() => (loads++, loadBundledMatching()));
    const blocks = pageBlocks('seed-straits-times.html');
    const first = service.match(STRAITS_TIMES_URL, blocks);
    const missesAfterFirst = service.cache.misses;
    const second = service.match(STRAITS_TIMES_URL, [...blocks, 'A late paragraph about something else entirely.']);
    expect(loads).toBe(1);
    expect(service.cache.misses - missesAfterFirst).toBe(1);
    expect(second.page.matches.length).toBe(first.page.matches.length);
  });

  it('presents no claims for an unrelated page', () => {
    const service = createMatchingService(loadBundledMatching);
    const { page, claims } = service.match('https://news.example/city/harbour', pageBlocks('unrelated-news.html'));
    expect(page.matches).toEqual([]);
    expect(claims).toEqual({});
  });
});
