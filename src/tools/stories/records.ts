// What the steps of stories:find hand each other, as plain JSON: they run in one process for a
// folder, or as separate tasks on a cluster (the Ray driver passes these through untouched).

/** An article as the read step leaves it: its metadata and what the grouping compares. */
export interface ArticleRecord {
  /** The file's path inside the archive folder: unique, and how the other steps name it. */
  id: string;
  outlet: string;
  /** The page's host without "www." ("bbc.co.uk"): one site, whatever its outlet is called. */
  site: string;
  url: string;
  /** YYYY-MM-DD, or null when the article gives none. */
  published: string | null;
  title: string;
  /** Characters of reporting (furniture left out). */
  chars: number;
  /** Names and how often it gives them (features.ts namesOf). */
  names: Record<string, number>;
  /** Calendar days it writes out, YYYY-MM-DD. */
  days: string[];
  /** The headline and the opening words: what the embed step reads. */
  lead: string;
  /** The lead's sentence vector, packed (features.ts packVector); empty until the embed step, which embeds only articles blocking proposes. */
  vector: string;
  /** MinHash of its wording, packed (features.ts packSignature). */
  wording: string;
  /** What a curator should know about how it was read ("titled as live coverage, ..."). */
  note?: string;
}

export type SetAsideReason =
  'unreadable' | 'other-language' | 'live-blog' | 'no-article' | 'wire-copy' | 'same-outlet' | 'no-story';

/** An article left out of every story, and why, for the curator's report. */
export interface SetAside {
  id: string;
  reason: SetAsideReason;
  why: string;
}

export interface ReadResult {
  articles: ArticleRecord[];
  setAside: SetAside[];
}

/** Two articles the compare step found alike enough to be one story, or one copy. */
export interface Edge {
  a: string;
  b: string;
  /** The pair's score (similarity.ts). */
  score: number;
  /** The same wire copy (the wording's overlap at least COPY_OVERLAP). */
  copy: boolean;
}

/** One source of a story: an article, with the other sites that carried the same copy. */
export interface StorySource {
  id: string;
  outlet: string;
  site: string;
  url: string;
  published: string | null;
  title: string;
  /** Other sites with the same copy: { id, outlet, site, url }. */
  copies: { id: string; outlet: string; site: string; url: string }[];
  note?: string;
}

export interface Story {
  /** The pack's id: a slug of the title and year. */
  id: string;
  title: string;
  /** The day most of its articles give, else the first publication (the pack's story date replaces it). */
  date: string | null;
  sources: StorySource[];
  /** How alike its sources are: the mean of their pairs' scores. */
  cohesion: number;
}

/** A story with its drafted pack, or why none was drafted. */
export interface DraftedStory extends Story {
  pack: unknown | null;
  /** "14 claims, 6 sentences to check", or why there is no pack. */
  draft: string;
}
