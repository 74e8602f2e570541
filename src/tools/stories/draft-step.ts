// The draft step: a story's sources read again as pack:build reads them and drafted into its pack,
// each copy's sites added to its outlet. Article files are named in the pack by their file name;
// two sources with one name (every site's "index.html") get their folder's name before it.
import { basename, dirname, join } from 'node:path';
import { draftPack, readSource, type ArticleSource, type SentenceEmbedder } from './pack-build-adapter';
import type { DraftedStory, Story } from './records';

/** The name each source's file has in the story's folder and its pack. */
export function sourceFileNames(story: Story): Map<string, string> {
  const count = new Map<string, number>();
  for (const s of story.sources) count.set(basename(s.id), (count.get(basename(s.id)) ?? 0) + 1);
  return new Map(
    story.sources.map((s) => {
      const name = basename(s.id);
      const folder = dirname(s.id).replace(/[^\w.-]+/g, '-');
      return [s.id, count.get(name)! > 1 && folder !== '.' ? `${folder}-${name}` : name];
    }),
  );
}

export async function draftStory(
  archive: string,
  story: Story,
  embedder: SentenceEmbedder | null,
): Promise<DraftedStory> {
  const names = sourceFileNames(story);
  const sources: ArticleSource[] = [];
  for (const s of story.sources) {
    const read = readSource(join(archive, s.id));
    if ('error' in read)
      return { ...story, pack: null, draft: `no pack: ${s.id} could not be read again (${read.error})` };
    sources.push({ ...read.source, name: names.get(s.id)! });
  }
  const hosts = new Map(story.sources.map((s) => [names.get(s.id)!, s.copies.map((c) => c.site)]));
  const draft = await draftPack(
    sources,
    { id: story.id, title: story.title, date: story.date ?? undefined },
    embedder,
    hosts,
  );
  if (!draft.ok) return { ...story, pack: null, draft: `no pack: ${draft.why}` };
  const date = draft.pack.story.date;
  return {
    ...story,
    date,
    pack: draft.pack,
    draft: `${draft.claims} claims, ${draft.unsure} sentences to check; story date ${date}; aligned by ${draft.encoder ?? 'words alone'}`,
  };
}
