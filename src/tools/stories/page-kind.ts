// Whether a readable page is an article a story can be drafted from: written in English (the
// matcher's lexicon and the encoder are English), one report rather than a live blog's stream of
// posts, and with prose to quote rather than headlines, a player or a notice.
import { franc } from 'franc-min';
import { splitSentences } from '../../core/text/segment';
import type { ArticleSource } from './pack-build-adapter';

export type PageVerdict =
  { kind: 'article'; note?: string } | { kind: 'other-language' | 'live-blog' | 'no-article'; why: string };

const LANGUAGES: Readonly<Record<string, string>> = {
  fra: 'French',
  deu: 'German',
  spa: 'Spanish',
  ita: 'Italian',
  por: 'Portuguese',
  nld: 'Dutch',
  rus: 'Russian',
  ukr: 'Ukrainian',
  pol: 'Polish',
  tur: 'Turkish',
  arb: 'Arabic',
  cmn: 'Chinese',
  jpn: 'Japanese',
  kor: 'Korean',
  ind: 'Indonesian',
  vie: 'Vietnamese',
  tha: 'Thai',
  hin: 'Hindi',
  swe: 'Swedish',
  ron: 'Romanian',
  ces: 'Czech',
};

/** A sentence of prose: six words or more, ending as a sentence ends (a closing quote may follow). */
const PROSE_SENTENCE = /^(?:\S+\s+){5,}.*[.!?]['"’”)]*$/s;
/** Prose a report has at least: a wire brief has three sentences. */
const MIN_PROSE_SENTENCES = 3;
const MIN_PROSE_CHARS = 200;

/** A live blog's post header: a time of day or "2 hours ago" opening a short block. */
const POST_STAMP =
  /^(?:(?:updated|posted)\s*:?\s*)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|BST|UTC|[A-Z]{2,4}T))?|\d{1,2}\s*[ap]\.?m\.?|\d+\s+(?:min(?:ute)?s?|hours?|hrs?)\s+ago)\b/i;
/** Posts a page needs before it reads as a stream of them. */
const MIN_POSTS = 4;

/**
 * `html`: the page's markup where it is one (a live blog often says so in its JSON-LD). Decides on
 * the text pack:build reads, furniture left out, except the posts' time stamps, which are furniture.
 */
export function pageVerdict(source: ArticleSource, html: string | null): PageVerdict {
  const reporting = source.blocks.filter((b) => b.furniture === null).map((b) => b.text);
  const prose = reporting.join('\n');

  const sentences = reporting
    .flatMap((block) => splitSentences(block).map((s) => block.slice(s.start, s.end).trim()))
    .filter((s) => PROSE_SENTENCE.test(s));
  const proseChars = sentences.reduce((n, s) => n + s.length, 0);
  if (sentences.length < MIN_PROSE_SENTENCES || proseChars < MIN_PROSE_CHARS) {
    return {
      kind: 'no-article',
      why: `${sentences.length} sentence${sentences.length === 1 ? '' : 's'} of prose (${proseChars} characters): a page of headlines, a player or a notice, not a report`,
    };
  }

  const language = franc(prose.slice(0, 600), { minLength: 40 });
  if (language !== 'eng' && language !== 'und')
    return { kind: 'other-language', why: `written in ${LANGUAGES[language] ?? `the language coded ${language}`}` };

  const stamps = source.blocks.filter((b) => b.text.length < 200 && POST_STAMP.test(b.text.trim())).length;
  const declared = html !== null && /"@type"\s*:\s*"LiveBlogPosting"/.test(html);
  if (declared || stamps >= MIN_POSTS) {
    const how = declared ? 'the page declares itself a live blog' : `${stamps} time-stamped posts`;
    return {
      kind: 'live-blog',
      why: `a live blog (${how}): its posts report many moments, so it is not grouped; quote its posts by hand`,
    };
  }
  if (/\blive[-_ ]?(?:updates?|blog|coverage|news)\b/i.test(`${source.title} ${source.url}`)) {
    return { kind: 'article', note: 'titled as live coverage, but reads as one report' };
  }
  return { kind: 'article' };
}
