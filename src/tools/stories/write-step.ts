// The write step: one folder per story (its pack as pack:build drafted it, and its sources' files,
// which the pack's quotes are checked against), stories.json with everything, and the report a
// curator reads: the stories, and what was set aside and why.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceFileNames } from './draft-step';
import type { DraftedStory, SetAside, SetAsideReason } from './records';

const REASONS: Readonly<Record<SetAsideReason, string>> = {
  unreadable: 'could not be read as an article',
  'other-language': 'in another language',
  'live-blog': 'live blogs',
  'no-article': 'no article on the page',
  'wire-copy': 'wire copies',
  'same-outlet': 'another article by an outlet already in the story',
  'no-story': 'in no story that three outlets report',
};
/** Lines of one reason listed in the report (stories.json lists them all). */
const LISTED = 25;

export interface Summary {
  archive: string;
  files: number;
  stories: DraftedStory[];
  setAside: SetAside[];
}

export function writeStories(out: string, summary: Summary): string {
  mkdirSync(out, { recursive: true });
  for (const story of summary.stories) {
    const dir = join(out, story.id);
    mkdirSync(join(dir, 'articles'), { recursive: true });
    const names = sourceFileNames(story);
    for (const source of story.sources)
      copyFileSync(join(summary.archive, source.id), join(dir, 'articles', names.get(source.id)!));
    if (story.pack !== null) writeFileSync(join(dir, 'pack.json'), `${JSON.stringify(story.pack, null, 2)}\n`);
  }
  const json = {
    archive: summary.archive,
    files: summary.files,
    stories: summary.stories.map(({ pack, ...story }) => ({
      ...story,
      pack: pack === null ? null : `${story.id}/pack.json`,
    })),
    setAside: summary.setAside,
  };
  writeFileSync(join(out, 'stories.json'), `${JSON.stringify(json, null, 2)}\n`);
  const report = reportText(out, summary);
  writeFileSync(join(out, 'report.txt'), `${report}\n`);
  return report;
}

export function reportText(out: string, summary: Summary): string {
  const lines: string[] = [];
  const articles = summary.stories.reduce(
    (n, s) => n + s.sources.length + s.sources.reduce((k, src) => k + src.copies.length, 0),
    0,
  );
  lines.push(
    `${summary.stories.length} ${summary.stories.length === 1 ? 'story' : 'stories'} that three outlets or more report, from ${articles} of ${summary.files} files:`,
  );
  for (const story of summary.stories) {
    lines.push('');
    lines.push(
      `${story.id}  "${story.title}"  ${story.date ?? 'no date'}  ${story.sources.length} outlets  (mean score ${story.cohesion.toFixed(2)})`,
    );
    lines.push(`  pack: ${story.pack === null ? story.draft : `${story.id}/pack.json: ${story.draft}`}`);
    for (const s of story.sources) {
      const copies =
        s.copies.length === 0 ? '' : `; the same copy on ${s.copies.map((c) => `${c.site} (${c.id})`).join(', ')}`;
      lines.push(
        `  - ${s.outlet}, ${s.published ?? 'no date'}: ${s.id}${copies}${s.note === undefined ? '' : ` [${s.note}]`}`,
      );
    }
  }
  lines.push('');
  lines.push(`Set aside: ${summary.setAside.length} files`);
  for (const reason of Object.keys(REASONS) as SetAsideReason[]) {
    const items = summary.setAside.filter((s) => s.reason === reason);
    if (items.length === 0) continue;
    lines.push(`  ${REASONS[reason]}: ${items.length}`);
    for (const item of items.slice(0, LISTED)) lines.push(`    ${item.id}: ${item.why}`);
    if (items.length > LISTED) lines.push(`    ... and ${items.length - LISTED} more (stories.json lists them all)`);
  }
  lines.push('');
  lines.push(`Wrote ${join(out, 'stories.json')}, report.txt and a folder per story (pack.json, articles/).`);
  const first = summary.stories.find((s) => s.pack !== null);
  if (first !== undefined)
    lines.push(
      `Review a draft as pack:build's: npm run claims:check -- ${join(out, first.id, 'pack.json')} --seeds ${join(out, first.id, 'articles')}`,
    );
  return lines.join('\n');
}
