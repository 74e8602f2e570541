// The bundled story's own names: data about one story, not rules of the matcher. When the
// database becomes packs, each pack carries these for its story and this file goes away; until
// then they stay here, apart from the generic lexicon, and nothing else in src/core names the story.

export interface StoryLexicon {
  /** Name variants, as folded lower-case words, mapped to the one term they share. */
  names: Readonly<Record<string, readonly string[]>>;
  /** Names that count only as written in capitals ("IS"; lower-case "is" is a verb). */
  capitalisedNames: Readonly<Record<string, string>>;
  /** Two-word names ("Islamic State"): one term spanning both words. */
  phrases: ReadonlyArray<{ words: readonly [string, string]; term: string }>;
}

export const STORY_LEXICON: StoryLexicon = {
  names: { isis: ['isis', 'isil', 'daesh', "da'esh"] },
  capitalisedNames: { IS: 'isis' },
  phrases: [{ words: ['islamic', 'state'], term: 'isis' }],
};
