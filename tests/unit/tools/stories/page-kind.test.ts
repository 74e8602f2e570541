// Which pages stories:find sets aside before grouping, and why: a page in another language, a
// live blog, a page with no article; a page titled as live coverage that reads as one report is kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, STORIES_DIR } from '../../../../src/node/paths';
import { readSource } from '../../../../src/tools/stories/pack-build-adapter';
import { pageVerdict } from '../../../../src/tools/stories/page-kind';

const FIXTURES = join(FIXTURES_DIR, 'stories-archive');

function verdictOf(path: string) {
  const read = readSource(path);
  if ('error' in read) throw new Error(read.error);
  return pageVerdict(read.source, path.endsWith('.html') ? readFileSync(path, 'utf8') : null);
}

describe('page kinds', () => {
  it('sets aside an article in French, naming the language', () => {
    expect(verdictOf(join(FIXTURES, 'le-littoral-incendie-ferry.html'))).toEqual({
      kind: 'other-language',
      why: 'written in French',
    });
  });

  it('sets aside a live blog of time-stamped posts', () => {
    expect(verdictOf(join(FIXTURES, 'coast-radio-live-ferry-fire.html')).kind).toBe('live-blog');
  });

  it('sets aside a section front of headlines', () => {
    const verdict = verdictOf(join(FIXTURES, 'channel-north-world-section.html'));
    expect(verdict.kind).toBe('no-article');
  });

  it('keeps every article of a story, in English, as an article', () => {
    for (const name of [
      'channel-north-news.html',
      'daily-beacon.html',
      'northline-news-agency.txt',
      'carrow-examiner.txt',
    ]) {
      expect(verdictOf(join(STORIES_DIR, 'northern-lark-ferry-fire-2025', 'articles', name))).toEqual({
        kind: 'article',
      });
    }
  });

  it('keeps a page titled "live updates" that reads as one report, and says so', () => {
    const path = join(FIXTURES, 'harbour-gazette-northline-copy.txt');
    const read = readSource(path);
    if ('error' in read) throw new Error(read.error);
    const titled = { ...read.source, title: 'Ferry fire: live updates' };
    expect(pageVerdict(titled, null)).toEqual({
      kind: 'article',
      note: 'titled as live coverage, but reads as one report',
    });
  });
});
