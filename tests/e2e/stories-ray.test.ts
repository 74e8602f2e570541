// stories:find on a local Ray instance, end to end: a small mixed folder (the ferry story's five
// articles, its wire copy on two more sites, the story in French, a live blog, a section front, two
// outlets of another story, two unrelated pages) through `npm run stories:find -- --ray`, with the
// first read shard failing once (Ray's task is submitted again); then the one story's drafted pack
// installed as a reader installs a pack file and matched, as the worker matches, on a page of
// another outlet that was not in the folder. Needs Ray (npm run stories:ray-setup; .ci/run
// installs it): without it the test fails, saying so.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combinePacks } from '../../src/core/database/combine';
import { compile } from '../../src/core/database/load';
import { EMPTY_PACK_STORE, installPackFile, mergePacks } from '../../src/core/database/pack-store';
import { buildIndex } from '../../src/core/match/index-builder';
import { createMatcher } from '../../src/core/match/matcher';
import { readPacks } from '../../src/node/data';
import { FIXTURES_DIR, ROOT, STORIES_DIR } from '../../src/node/paths';
import { readSavedPage } from '../../src/node/saved-page';
import { pythonForRay } from '../../src/tools/stories/ray-driver';

const FERRY = join(STORIES_DIR, 'northern-lark-ferry-fire-2025');
const FIXTURES = join(FIXTURES_DIR, 'stories-archive');

interface StoriesJson {
  stories: {
    id: string;
    title: string;
    date: string;
    pack: string | null;
    sources: { id: string; outlet: string; copies: { id: string; site: string }[] }[];
  }[];
  setAside: { id: string; reason: string; why: string }[];
}

let work: string;
let run: { status: number | null; stdout: string; stderr: string };
let result: StoriesJson;

beforeAll(async () => {
  // Loudly, before anything else: a run on Ray needs Ray.
  pythonForRay();
  work = mkdtempSync(join(tmpdir(), 'parallax-stories-ray-'));
  const folder = join(work, 'archive');
  const copy = (from: string, to: string) => {
    mkdirSync(join(folder, to, '..'), { recursive: true });
    cpSync(from, join(folder, to));
  };
  for (const name of [
    'carrow-examiner.txt',
    'channel-north-news.html',
    'daily-beacon.html',
    'ferry-ropax-review.txt',
    'northline-news-agency.txt',
  ])
    copy(join(FERRY, 'articles', name), `ferry/${name}`);
  for (const name of [
    'harbour-gazette-northline-copy.txt',
    'island-post-northline-copy.txt',
    'le-littoral-incendie-ferry.html',
    'coast-radio-live-ferry-fire.html',
    'channel-north-world-section.html',
  ])
    copy(join(FIXTURES, name), `more/${name}`);
  for (const name of ['seed-straits-times.html', 'seed-al-bawaba.html'])
    copy(join(FIXTURES_DIR, 'pages', name), `other/${name}`);
  for (const name of ['flood-relief-convoy.html', 'port-strike-ends.html'])
    copy(join(FIXTURES_DIR, 'negative-pages', name), `other/${name}`);
  mkdirSync(join(work, 'fail-once'));
  // Asynchronously: the test's worker must keep answering vitest while the run takes its time.
  run = await promisify(execFile)(
    'npm',
    ['run', '--silent', 'stories:find', '--', folder, '--out', join(work, 'out'), '--ray', '--workers', '2'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: { ...process.env, PARALLAX_STORIES_FAIL_ONCE: join(work, 'fail-once') },
    },
  ).then(
    ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      status: error.code ?? 1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  );
  expect(run.stderr + run.stdout).not.toMatch(/Traceback/);
  expect(run.status).toBe(0);
  result = JSON.parse(readFileSync(join(work, 'out', 'stories.json'), 'utf8')) as StoriesJson;
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('stories:find on Ray', () => {
  it('shows progress, and submits a failed shard again', () => {
    expect(run.stderr).toMatch(/stories:find \[ray\] read: shard 0 failed \(.*injected failure.*\); attempt 2 of 3/);
    expect(run.stderr).toMatch(/stories:find \[ray\] read: \d+\/\d+ shards.*1 retried/);
  });

  it('finds the one story three outlets report, each outlet once, the wire copy as one source with its sites named', () => {
    expect(result.stories).toHaveLength(1);
    const story = result.stories[0]!;
    expect(story.sources.map((s) => s.id).sort()).toEqual([
      'ferry/carrow-examiner.txt',
      'ferry/channel-north-news.html',
      'ferry/daily-beacon.html',
      'ferry/ferry-ropax-review.txt',
      'ferry/northline-news-agency.txt',
    ]);
    const wire = story.sources.find((s) => s.id === 'ferry/northline-news-agency.txt')!;
    expect(wire.copies.map((c) => c.site).sort()).toEqual(['harbour-gazette.example', 'islandpost.example']);
    expect(story.date).toBe('2025-03-14');
    expect(story.title).toMatch(/, March 2025$/);
  });

  it('sets aside what a curator would, saying why', () => {
    const reasons = Object.fromEntries(result.setAside.map((s) => [s.id, s.reason]));
    expect(reasons).toEqual({
      'more/le-littoral-incendie-ferry.html': 'other-language',
      'more/coast-radio-live-ferry-fire.html': 'live-blog',
      'more/channel-north-world-section.html': 'no-article',
      'other/seed-straits-times.html': 'no-story',
      'other/seed-al-bawaba.html': 'no-story',
      'other/flood-relief-convoy.html': 'no-story',
      'other/port-strike-ends.html': 'no-story',
    });
    expect(result.setAside.find((s) => s.reason === 'other-language')!.why).toMatch(/French/);
    expect(run.stdout).toMatch(/live blogs: 1/);
  });

  it("drafts the story's pack, which a reader installs and the matcher finds on another outlet's page", () => {
    const story = result.stories[0]!;
    expect(story.pack).toBe(`${story.id}/pack.json`);
    const bundled = readPacks().map((p) => p.pack);
    const installed = installPackFile(EMPTY_PACK_STORE, readFileSync(join(work, 'out', story.pack!), 'utf8'), bundled);
    if (!installed.ok) throw new Error(`the drafted pack was refused: ${JSON.stringify(installed.problems)}`);
    expect(installed.action).toBe('install');
    // As the worker loads the packs a reader has on: the bundled ones and the installed one.
    const { packs, skipped } = mergePacks(bundled, installed.store);
    expect(skipped).toEqual([]);
    const db = compile(combinePacks(packs));
    const matcher = createMatcher(db.combined, buildIndex(db.combined));
    const page = readSavedPage(readFileSync(join(FERRY, 'pages', 'coastline-today.html'), 'utf8'));
    const matches = matcher.matchPage({ url: page.url!, blocks: page.blocks });
    expect(matches.onStory).toBe(true);
    const storyClaims = new Set(db.combined.claims.filter((c) => c.pack === installed.pack.id).map((c) => c.id));
    const found = matches.matches.flatMap((m) => m.claims.map((c) => c.claimId));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((id) => storyClaims.has(id))).toBe(true);
  });
});
