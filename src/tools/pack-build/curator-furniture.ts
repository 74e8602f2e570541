// The furniture of one article as the curator's pack builder reads it: what the extraction leaves
// on a page (core/text/furniture: element rules and the page's line rules) plus the kinds only a
// builder of claims should drop. A curator's plain-text capture has no markup, so bylines,
// timestamps, "Read more" lines, agency credits, call-outs, caption credits and embedded posts are
// told by their wording and their neighbours; on a saved page, by the class words sites give them.
// On a reader's page these rules would cost highlights (a paragraph that starts "By midnight" or
// mentions a newsletter); here a false positive costs one sentence of a draft a curator reviews.
import {
  ARTICLE_SELECTOR,
  furnitureOfLine,
  nameWordsOf,
  PAGE_LINE_RULES,
  type FurnitureKind,
  type FurnitureLineRule,
} from '../../core/text/furniture';

/** A block of an article; `element` is the block-level element it came from, where there is a DOM. */
export interface FurnitureBlock {
  text: string;
  element?: Element;
}

/** The page's line rules, then the curator's own. */
export const CURATOR_LINE_RULES: readonly FurnitureLineRule[] = [
  ...PAGE_LINE_RULES,
  // "By Owen Tierney, Chief Reporter", "by Rosie Alfatlawi", "News Nation Bureau | Edited By : ..."
  {
    kind: 'byline',
    pattern: /^[Bb][Yy]\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*\s*(?:[,|·•].*)?$/u,
    maxWords: 12,
  },
  { kind: 'byline', pattern: /\bedited by\b|\bwritten by\b/i, maxWords: 20 },
  // "Updated: May 28", "First Published : 18 Nov 2017, 10:26:08 PM", "Last updated 11:40am"
  {
    kind: 'timestamp',
    pattern: /^(?:(?:first|last)\s+)?(?:updated|published|posted|modified)(?:\s+on)?\s*(?::|\d)/i,
    maxWords: 10,
  },
  // "Read more: ...", "Related: ...", "See also", "Previous article...", "Next article..."
  {
    kind: 'read-more',
    pattern:
      /^(?:read more|read also|also read|related(?: stories| articles| content)?|see also|more on this(?: story)?|recommended|most read|top stories|watch)\s*[:|»›>–—-]/i,
    maxWords: Infinity,
  },
  { kind: 'read-more', pattern: /^(?:previous|next)\s*(?:article|post|story)/i, maxWords: 30 },
  {
    kind: 'read-more',
    pattern:
      /\b(?:can be (?:seen|read|watched|found) here|read the full .{1,60} here|click here|watch (?:it|the video) here)\b/i,
    maxWords: 16,
  },
  // Newsletters, app downloads, channels anywhere in a short line: the outlet selling itself.
  {
    kind: 'promo',
    pattern:
      /\bnewsletter\b|\bsubscribe\b|\bsign up\b|\btelegram channel\b|\bdownload\b.{0,60}\bapps?\b|\bfollow us\b|\bin your inbox\b|\bstraight to your inbox\b/i,
    maxWords: 40,
  },
  { kind: 'copyright', pattern: /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b/i, maxWords: 25 },
  // Wire and agency credits: "(With PTI inputs)", "(Reporting by ...; Editing by ...)"
  {
    kind: 'credits',
    pattern: /^\((?:with\b.*\binputs?|(?:additional )?reporting by|editing by|writing by|compiled by)\b[^)]*\)\.?$/i,
    maxWords: Infinity,
  },
  {
    kind: 'call-out',
    pattern:
      /^(?:got a (?:story|tip)|do you have|have you got|send (?:us )?your|share your|contact us|email us|tell us)\b/i,
    maxWords: 40,
  },
  {
    kind: 'comments',
    pattern: /^\d[\d,.]*\s*views?\s*\d*\s*comments?$|^(?:add|leave|post) (?:your |a )?comments?\b|^\d+\s+comments?$/i,
    maxWords: 8,
  },
  { kind: 'logo', pattern: /\blogo$/i, maxWords: 5 },
  {
    kind: 'navigation',
    pattern:
      /^(?:top of page|bottom of page|skip to (?:main )?content|back to top|share|copy link|share this (?:article|story)|print|menu|search)$/i,
    maxWords: Infinity,
  },
  { kind: 'advertisement', pattern: /^(?:advertisement|sponsored(?: content)?|ad|promoted)$/i, maxWords: Infinity },
  // Caption credits: "... PHOTO: REUTERS", "Picture: Sea Rescue Service", "Video: Sea Rescue Service"
  {
    kind: 'caption',
    pattern:
      /\b(?:[Pp]hotos?|PHOTOS?|[Pp]ictures?|PICTURES?|[Ii]mages?|IMAGES?|[Vv]ideo|VIDEO|[Cc]redit|CREDIT|[Ff]ootage|FOOTAGE)\s*:\s*\p{Lu}[\p{L}\d .&'’/-]{0,60}$/u,
    maxWords: 80,
  },
];

/**
 * Class and id words of the article's own furniture, which the extraction keeps on every page
 * (a byline or a kicker is no passage a reader would take for a claim, so it costs nothing there).
 */
const CURATOR_NAME_WORDS: ReadonlyMap<string, FurnitureKind> = new Map([
  ['byline', 'byline'],
  ['author', 'byline'],
  ['authors', 'byline'],
  ['dateline', 'timestamp'],
  ['timestamp', 'timestamp'],
  ['meta', 'timestamp'],
  ['kicker', 'section-label'],
  ['eyebrow', 'section-label'],
  ['ticker', 'navigation'],
  ['credit', 'caption'],
  ['credits', 'caption'],
  ['masthead', 'logo'],
  ['logo', 'logo'],
]);

/** "— DavidKenner (@DavidKenner) November 13, 2017": the signature line of an embedded post. */
const POST_SIGNATURE = /^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)/u;
/** Links that only embedded social posts carry. */
const POST_LINK = /\bhttps?:\/\/t\.co\/|\bpic\.twitter\.com\/|\b(?:twitter|x)\.com\/\w+\/status\//i;
/** An e-mail address: a reader call-out or a tip line, never a claim. */
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** A line's furniture by its wording alone, as the curator's builder reads it, or null. */
export function curatorFurnitureOfLine(text: string): FurnitureKind | null {
  const line = text.trim();
  if (line === '') return null;
  if (POST_SIGNATURE.test(line) || POST_LINK.test(line)) return 'embedded-post';
  if (EMAIL.test(line) && wordCount(line) <= 40) return 'call-out';
  const byRule = furnitureOfLine(line, CURATOR_LINE_RULES);
  if (byRule !== null) return byRule;
  if (isSectionLabel(line)) return 'section-label';
  if (isLinkListItem(line)) return 'read-more';
  return null;
}

/** "Safety | Ro-pax | Incident report": labels between bars or bullets, no sentence. */
function isSectionLabel(line: string): boolean {
  const parts = line.split(/\s[|•·]\s/);
  return parts.length >= 2 && parts.every((p) => wordCount(p) <= 4) && !/[.!?]$/.test(line);
}

/**
 * "- Hezbollah, Syria Deal Relocating ISIS Fighters Condemned by US-led Coalition": a bulleted line
 * in Title Case and without a full stop is a link to another story; a bullet in sentence case is
 * the article's own summary point.
 */
function isLinkListItem(line: string): boolean {
  const bullet = /^[-•*]\s+(.*)$/.exec(line);
  if (bullet === null || /\.["”’]?$/.test(line)) return false;
  const words = bullet[1]!.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  if (words.length < 3) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.7;
}

/**
 * The article's own furniture named by the class words of the element or an ancestor below the
 * article (or the body): a page's body classes ("author-admin" on WordPress) name no block.
 */
function curatorFurnitureOfElement(element: Element): FurnitureKind | null {
  for (let at: Element | null = element; at !== null; at = at.parentElement) {
    if (at.matches(`${ARTICLE_SELECTOR}, body`)) return null;
    for (const word of nameWordsOf(at)) {
      const kind = CURATOR_NAME_WORDS.get(word);
      if (kind !== undefined) return kind;
    }
  }
  return null;
}

const fold = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Each block of one article judged by its markup, its wording and its neighbours; null for the
 * outlet's own text. A page with an <article> or <main> has its reporting inside it, so blocks
 * outside are furniture; the text of an embedded post is the line above its signature; a block
 * repeated by a longer one (a caption cut short, a headline restated in Title Case) is a copy.
 */
export function furnitureOfBlocks(blocks: readonly FurnitureBlock[]): (FurnitureKind | null)[] {
  const hasArticle = blocks.some((block) => block.element?.closest(ARTICLE_SELECTOR) != null);
  const verdicts = blocks.map((block): FurnitureKind | null => {
    if (block.element !== undefined) {
      if (hasArticle && block.element.closest(ARTICLE_SELECTOR) === null) return 'outside-article';
      const byMarkup = curatorFurnitureOfElement(block.element);
      if (byMarkup !== null) return byMarkup;
    }
    return curatorFurnitureOfLine(block.text);
  });

  blocks.forEach((block, i) => {
    // The post's own words sit right above its signature (plain-text captures of embedded posts).
    if (verdicts[i] === 'embedded-post' && POST_SIGNATURE.test(block.text.trim()) && i > 0 && verdicts[i - 1] === null)
      verdicts[i - 1] = 'embedded-post';
  });

  const folded = blocks.map((b) => fold(b.text));
  folded.forEach((text, i) => {
    if (verdicts[i] !== null || wordCount(text) < 4) return;
    // A shorter block that another block starts with (a cut caption), or a copy of a later one.
    const repeated = folded.some(
      (other, j) => j !== i && ((other.length > text.length && other.startsWith(text)) || (other === text && j > i)),
    );
    if (repeated) verdicts[i] = 'repeated';
  });
  return verdicts;
}
