import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readDatabase, readPackFile } from '../../../../src/node/data';
import { loadNodeMeaning } from '../../../../src/node/model/node-meaning';
import { loadMatcher } from '../../../../src/extension/background/load-matcher';
import { createMatchingService } from '../../../../src/extension/background/matching-service';
import { claimViewFor } from '../../../../src/extension/messaging/protocol';
import { createMeaningService, type MeaningEngine } from '../../../../src/extension/meaning/meaning-service';
import { extractBlocks } from '../../../../src/core/text/extract';
import { parseHtml } from '../../../../src/node/parse-html';
import { ROOT } from '../../../../src/node/paths';

const STRAITS_TIMES_URL =
  'https://www.straitstimes.com/world/middle-east/secret-deal-let-isis-fighters-flee-from-raqqa';

function pageBlocks(fixture: string, dir = 'tests/fixtures/pages'): string[] {
  const doc = parseHtml(readFileSync(resolve(ROOT, dir, fixture), 'utf8'));
  return extractBlocks(doc.body).map((b) => b.text);
}

describe('matching service (bundled database)', () => {
  it('matches a seed page and presents claims without the page’s own outlet', () => {
    const service = createMatchingService(loadMatcher);
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
    const service = createMatchingService(() => (loads++, loadMatcher()));
    const blocks = pageBlocks('seed-straits-times.html');
    const first = service.match(STRAITS_TIMES_URL, blocks);
    const missesAfterFirst = service.cache.misses;
    const second = service.match(STRAITS_TIMES_URL, [...blocks, 'A late paragraph about something else entirely.']);
    expect(loads).toBe(1);
    expect(service.cache.misses - missesAfterFirst).toBe(1);
    expect(second.page.matches.length).toBe(first.page.matches.length);
  });

  it('presents a claim as a passage of an outside outlet states it: its own figure is "This page"', () => {
    const service = createMatchingService(loadMatcher);
    const url = 'https://smmsyria.com/2017/11/14/report-coalition-secretly-allowed-4000-isis-members-to-leave-raqqa/';
    const result = service.match(url, pageBlocks('smmsyria.html', 'tests/fixtures/outside-pages/raqqa'));
    const at = result.page.matches.findIndex((m) => m.text.includes('4000 ISIS members'));
    expect(at).toBeGreaterThanOrEqual(0);
    const ids = result.page.matches[at]!.claims.map((c) => c.claimId);
    expect(ids).toContain('raqqa-convoy-2017/people-who-left');
    const view = claimViewFor(result, at, 'raqqa-convoy-2017/people-who-left')!;
    expect(view.compared.find((k) => k.of === 'people')!.rows[0]).toMatchObject({
      label: 'This page',
      values: [{ text: '4000' }],
    });
    expect(view.status).toBe('differ');
    // Elsewhere on the page the claim is as the outlets give it: the figure is this passage's alone.
    expect(result.claims['raqqa-convoy-2017/people-who-left']!.pageKinds).toBe(0);
  });

  it('presents no claims for an unrelated page', () => {
    const service = createMatchingService(loadMatcher);
    const { page, claims } = service.match('https://news.example/city/harbour', pageBlocks('unrelated-news.html'));
    expect(page.matches).toEqual([]);
    expect(claims).toEqual({});
  });
});

describe('matching service with meaning (the real encoder, in Node)', () => {
  const RETELLING_URL = 'https://www.meridian-daily.test/world/middle-east/2017/11/20/raqqa-quiet-pact';
  let loads = 0;
  /** The worker's engine, made in Node: the shipped encoder and the bundled claims' vectors. */
  const load = async (): Promise<MeaningEngine> => {
    loads++;
    const meaning = loadNodeMeaning();
    const encoder = await meaning.encoder();
    return {
      model: meaning.model.id,
      claimVectors: await meaning.claimVectors(readDatabase()),
      embed: async (text) => (await encoder.embed([text]))[0]!,
    };
  };

  it(
    'answers by words first, then by meaning, keeping every passage and adding what meaning finds',
    { timeout: 60_000 },
    async () => {
      const service = createMatchingService(loadMatcher, createMeaningService(load));
      const blocks = pageBlocks('retelling-meridian-daily.html').map(service.score);
      const first = service.decide(RETELLING_URL, blocks);
      expect(first.meaning).toBe('pending');
      const fuller = await service.decideWithMeaning(RETELLING_URL, blocks);
      expect(fuller.meaning).toBe('done');
      const pairs = (r: typeof first) =>
        r.page.matches.flatMap((m) => m.claims.map((c) => `${m.block}:${m.start}:${c.claimId}`));
      expect(pairs(fuller)).toEqual(expect.arrayContaining(pairs(first)));
      const added = fuller.page.matches.flatMap((m) =>
        m.claims.filter((c) => c.byMeaning).map((c) => ({ text: m.text, claimId: c.claimId })),
      );
      expect(added).toContainEqual(expect.objectContaining({ claimId: 'raqqa-convoy-2017/deal-aim-spare-lives' }));
      expect(added.find((a) => a.claimId === 'raqqa-convoy-2017/deal-aim-spare-lives')!.text).toMatch(
        /^Their purpose, those involved say, was to stop the killing/,
      );
      for (const { claimId } of added) expect(fuller.claims[claimId]).toBeDefined();
      // The sentences' vectors are cached now: the next answer is complete at once.
      expect(service.decide(RETELLING_URL, blocks)).toEqual(fuller);
    },
  );

  it(
    'matches by meaning on the page of a story the reader added, its claims embedded in the worker',
    { timeout: 120_000 },
    async () => {
      const story = 'tests/fixtures/stories/northern-lark-ferry-fire-2025';
      const store = { installed: [{ pack: readPackFile(`${story}/pack.json`), installedAt: '' }], disabled: [] };
      // The engine ships vectors for the bundled claims only, as the extension's build does.
      const service = createMatchingService(() => loadMatcher(store), createMeaningService(load));
      const url = 'https://www.coastlinetoday.example/news/2025/03/15/northern-lark-evacuation-crew-praised';
      const blocks = pageBlocks('coastline-today.html', `${story}/pages`).map(service.score);
      const claimIds = (r: ReturnType<typeof service.decide>) =>
        r.page.matches.flatMap((m) => m.claims.map((c) => c.claimId));
      const first = service.decide(url, blocks);
      expect(first.meaning).toBe('pending');
      expect(claimIds(first)).not.toContain('northern-lark-ferry-fire-2025/ferry-towed-to-port');
      const fuller = await service.decideWithMeaning(url, blocks);
      const towed = fuller.page.matches.find((m) =>
        m.claims.some((c) => c.claimId === 'northern-lark-ferry-fire-2025/ferry-towed-to-port' && c.byMeaning),
      );
      // A labelled passage no outlet of the pack words so; words alone miss it.
      expect(towed?.text).toBe('Tugs pulled the damaged ship into Port Carrow at first light.');
      expect(claimIds(fuller).every((id) => id.startsWith('northern-lark-ferry-fire-2025/'))).toBe(true);
    },
  );

  it('runs no model for an unrelated page', async () => {
    loads = 0;
    const service = createMatchingService(loadMatcher, createMeaningService(load));
    const blocks = pageBlocks('unrelated-news.html').map(service.score);
    expect(service.decide('https://news.example/city/harbour', blocks).meaning).toBe('none');
    expect((await service.decideWithMeaning('https://news.example/city/harbour', blocks)).meaning).toBe('none');
    expect(loads).toBe(0);
  });

  it('matches by words alone, and stops asking, when the model cannot be loaded', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const service = createMatchingService(
      loadMatcher,
      createMeaningService(async () => Promise.reject(new Error('no model in this build'))),
    );
    const blocks = pageBlocks('retelling-meridian-daily.html').map(service.score);
    const words = createMatchingService(loadMatcher).decide(RETELLING_URL, blocks);
    expect(service.decide(RETELLING_URL, blocks).meaning).toBe('pending');
    const after = await service.decideWithMeaning(RETELLING_URL, blocks);
    expect(after).toEqual(words);
    expect(service.decide(RETELLING_URL, blocks)).toEqual(words);
    warn.mockRestore();
  });
});
