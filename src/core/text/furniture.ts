// Page furniture: the text on a news page that is not the outlet's own reporting (bylines,
// captions, "Read more" links, newsletter boxes, posts by other people embedded in the page,
// print-edition lines, logos, share buttons). Judged the way Readability does, from markup where
// there is markup (figcaption, aside, nav, roles, the class names sites use) and from the wording
// of the line where there is only text. Used by the curator's pack builder to keep furniture out of
// claims; generic, so the extension can use it on live pages too. Nothing here names a site.

/** Why a block is furniture. */
export type FurnitureKind =
  | 'byline'
  | 'timestamp'
  | 'caption'
  | 'read-more'
  | 'promo'
  | 'embedded-post'
  | 'copyright'
  | 'print-edition'
  | 'credits'
  | 'call-out'
  | 'navigation'
  | 'advertisement'
  | 'comments'
  | 'logo'
  | 'section-label'
  | 'repeated'
  | 'outside-article';

export interface Furniture {
  kind: FurnitureKind;
  /** What gave it away, for the curator ("<figcaption>", "class \"newsletter\"", "\"Read more:\""). */
  why: string;
}

/** A block of page text; `element` is the block-level element it came from, where there is a DOM. */
export interface FurnitureBlock {
  text: string;
  element?: Element;
}

// ---- Wording ----------------------------------------------------------------------------------

interface LineRule {
  kind: FurnitureKind;
  pattern: RegExp;
  /** Longest line (in words) the rule applies to: a long paragraph that merely mentions a word is reporting. */
  maxWords?: number;
}

/** An e-mail address: a reader call-out or a tip line, never a claim. */
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;

const LINE_RULES: readonly LineRule[] = [
  // "By Owen Tierney, Chief Reporter", "by Rosie Alfatlawi", "News Nation Bureau | Edited By : ..."
  { kind: 'byline', pattern: /^[Bb][Yy]\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*\s*(?:[,|·•].*)?$/u, maxWords: 12 },
  { kind: 'byline', pattern: /\bedited by\b|\bwritten by\b/i, maxWords: 20 },
  // "Updated: May 28", "First Published : 18 Nov 2017, 10:26:08 PM", "Last updated 11:40am"
  { kind: 'timestamp', pattern: /^(?:(?:first|last)\s+)?(?:updated|published|posted|modified)(?:\s+on)?\s*(?::|\d)/i, maxWords: 10 },
  // "Read more: ...", "Related: ...", "See also", "Previous article...", "Next article..."
  { kind: 'read-more', pattern: /^(?:read more|read also|also read|related(?: stories| articles| content)?|see also|more on this(?: story)?|recommended|most read|top stories|watch)\s*[:|»›>–—-]/i },
  { kind: 'read-more', pattern: /^(?:previous|next)\s*(?:article|post|story)/i, maxWords: 30 },
  { kind: 'read-more', pattern: /\b(?:can be (?:seen|read|watched|found) here|read the full .{1,60} here|click here|watch (?:it|the video) here)\b/i, maxWords: 16 },
  // "This article appeared in the Monday print edition of ...", "A version of this article appeared in the print edition"
  { kind: 'print-edition', pattern: /\bappeared in the\b.{0,40}\bprint edition\b|\bversion of this (?:article|story) appeared\b/i },
  // Newsletters, app downloads, channels: the outlet selling itself.
  { kind: 'promo', pattern: /\bnewsletter\b|\bsubscribe\b|\bsign up\b|\btelegram channel\b|\bdownload\b.{0,60}\bapps?\b|\bfollow us\b|\bin your inbox\b|\bstraight to your inbox\b/i, maxWords: 40 },
  { kind: 'copyright', pattern: /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b/i, maxWords: 25 },
  // Wire and agency credits: "(With PTI inputs)", "(Reporting by ...; Editing by ...)"
  { kind: 'credits', pattern: /^\((?:with\b.*\binputs?|(?:additional )?reporting by|editing by|writing by|compiled by)\b[^)]*\)\.?$/i },
  { kind: 'call-out', pattern: /^(?:got a (?:story|tip)|do you have|have you got|send (?:us )?your|share your|contact us|email us|tell us)\b/i, maxWords: 40 },
  { kind: 'comments', pattern: /^\d[\d,.]*\s*views?\s*\d*\s*comments?$|^(?:add|leave|post) (?:your |a )?comments?\b|^\d+\s+comments?$/i, maxWords: 8 },
  { kind: 'logo', pattern: /\blogo$/i, maxWords: 5 },
  { kind: 'navigation', pattern: /^(?:top of page|bottom of page|skip to (?:main )?content|back to top|share|copy link|share this (?:article|story)|print|menu|search)$/i },
  { kind: 'advertisement', pattern: /^(?:advertisement|sponsored(?: content)?|ad|promoted)$/i },
  // Caption credits: "... PHOTO: REUTERS", "Picture: Sea Rescue Service", "Video: Sea Rescue Service"
  { kind: 'caption', pattern: /\b(?:[Pp]hotos?|PHOTOS?|[Pp]ictures?|PICTURES?|[Ii]mages?|IMAGES?|[Vv]ideo|VIDEO|[Cc]redit|CREDIT|[Ff]ootage|FOOTAGE)\s*:\s*\p{Lu}[\p{L}\d .&'’/-]{0,60}$/u, maxWords: 80 },
];

/** "— DavidKenner (@DavidKenner) November 13, 2017": the signature line of an embedded post. */
const POST_SIGNATURE = /^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)/u;
/** Links that only embedded social posts carry. */
const POST_LINK = /\bhttps?:\/\/t\.co\/|\bpic\.twitter\.com\/|\b(?:twitter|x)\.com\/\w+\/status\//i;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/** Furniture judged from a line's wording alone, or null. */
export function furnitureOfText(text: string): Furniture | null {
  const line = text.trim();
  if (line === '') return null;
  if (POST_SIGNATURE.test(line)) return { kind: 'embedded-post', why: 'a post signature "— name (@handle)"' };
  if (POST_LINK.test(line)) return { kind: 'embedded-post', why: 'a social post link' };
  if (EMAIL.test(line) && wordCount(line) <= 40) return { kind: 'call-out', why: 'an e-mail address' };
  const words = wordCount(line);
  for (const rule of LINE_RULES) {
    if (rule.maxWords !== undefined && words > rule.maxWords) continue;
    const match = rule.pattern.exec(line);
    if (match !== null) return { kind: rule.kind, why: `"${match[0].trim()}"` };
  }
  if (isSectionLabel(line)) return { kind: 'section-label', why: 'short labels separated by "|"' };
  if (isLinkListItem(line)) return { kind: 'read-more', why: 'a list item written as a headline' };
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

// ---- Markup -----------------------------------------------------------------------------------

const ELEMENT_NODE = 1;

/** Elements that hold furniture wherever they are. */
const FURNITURE_TAGS: ReadonlyMap<string, FurnitureKind> = new Map([
  ['figcaption', 'caption'],
  ['aside', 'read-more'],
  ['nav', 'navigation'],
]);

/** ARIA roles of page chrome. */
const FURNITURE_ROLES: ReadonlyMap<string, FurnitureKind> = new Map([
  ['navigation', 'navigation'],
  ['banner', 'navigation'],
  ['contentinfo', 'navigation'],
  ['complementary', 'read-more'],
  ['search', 'navigation'],
  ['advertisement', 'advertisement'],
]);

/**
 * Words that sites put in the class or id of furniture, matched as whole words of the name
 * ("related-stories", "article__byline", "social-embed"): never as substrings, so "headline"
 * does not read as "ad".
 */
const FURNITURE_CLASS_WORDS: ReadonlyMap<string, FurnitureKind> = new Map([
  ['byline', 'byline'], ['author', 'byline'], ['authors', 'byline'], ['dateline', 'timestamp'],
  ['timestamp', 'timestamp'], ['meta', 'timestamp'], ['kicker', 'section-label'], ['eyebrow', 'section-label'],
  ['caption', 'caption'], ['credit', 'caption'], ['credits', 'caption'],
  ['related', 'read-more'], ['readmore', 'read-more'], ['more', 'read-more'], ['recommended', 'read-more'],
  ['recirculation', 'read-more'], ['trending', 'read-more'], ['popular', 'read-more'], ['mostread', 'read-more'],
  ['outbrain', 'advertisement'], ['taboola', 'advertisement'], ['sidebar', 'read-more'], ['widget', 'read-more'],
  ['newsletter', 'promo'], ['subscribe', 'promo'], ['subscription', 'promo'], ['signup', 'promo'], ['promo', 'promo'],
  ['paywall', 'promo'], ['share', 'navigation'], ['sharing', 'navigation'], ['social', 'embedded-post'],
  ['embed', 'embedded-post'], ['tweet', 'embedded-post'], ['twitter', 'embedded-post'], ['instagram', 'embedded-post'],
  ['facebook', 'embedded-post'], ['tiktok', 'embedded-post'],
  ['ad', 'advertisement'], ['ads', 'advertisement'], ['advert', 'advertisement'], ['advertisement', 'advertisement'],
  ['sponsor', 'advertisement'], ['sponsored', 'advertisement'],
  ['comments', 'comments'], ['comment', 'comments'], ['breadcrumb', 'navigation'], ['breadcrumbs', 'navigation'],
  ['tags', 'navigation'], ['ticker', 'navigation'], ['masthead', 'logo'], ['logo', 'logo'], ['toolbar', 'navigation'],
  ['footer', 'navigation'],
]);

/** The words of an element's class names and id: "article__byline social-embed" → article, byline, social, embed. */
function nameWords(element: Element): string[] {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names
    .split(/[\s_-]+/)
    .flatMap((w) => w.split(/(?<=[a-z])(?=[A-Z])/))
    .map((w) => w.toLowerCase())
    .filter((w) => w !== '');
}

function tagOf(element: Element): string {
  return (element.localName || element.tagName || '').toLowerCase();
}

function parentElementOf(node: Node): Element | null {
  const parent = node.parentNode;
  return parent !== null && parent.nodeType === ELEMENT_NODE ? (parent as Element) : null;
}

/** Furniture judged from the markup of an element and its ancestors, or null. */
export function furnitureOfElement(element: Element): Furniture | null {
  for (let at: Element | null = element; at !== null; at = parentElementOf(at)) {
    const tag = tagOf(at);
    if (tag === 'article' || tag === 'main' || tag === 'body' || tag === 'html') continue;
    const byTag = FURNITURE_TAGS.get(tag);
    if (byTag !== undefined) return { kind: byTag, why: `<${tag}>` };
    const role = (at.getAttribute('role') ?? '').toLowerCase();
    const byRole = FURNITURE_ROLES.get(role);
    if (byRole !== undefined) return { kind: byRole, why: `role "${role}"` };
    if (/^advert/i.test(at.getAttribute('aria-label') ?? '')) return { kind: 'advertisement', why: 'aria-label "Advertisement"' };
    for (const word of nameWords(at)) {
      const byName = FURNITURE_CLASS_WORDS.get(word);
      if (byName !== undefined) return { kind: byName, why: `class "${word}"` };
    }
    // A <header> or <footer> of the page (not one inside the article) is site chrome.
    if ((tag === 'header' || tag === 'footer') && !insideArticle(at)) return { kind: 'navigation', why: `<${tag}> of the page` };
  }
  return null;
}

function insideArticle(element: Element): boolean {
  for (let at = parentElementOf(element); at !== null; at = parentElementOf(at)) {
    const tag = tagOf(at);
    if (tag === 'article' || tag === 'main') return true;
  }
  return false;
}

/** The nearest <article> (or, failing one, <main>) holding the element, or null. */
function articleRootOf(element: Element): Element | null {
  let main: Element | null = null;
  for (let at: Element | null = element; at !== null; at = parentElementOf(at)) {
    const tag = tagOf(at);
    if (tag === 'article') return at;
    if (tag === 'main' && main === null) main = at;
  }
  return main;
}

// ---- Blocks in context ------------------------------------------------------------------------

const fold = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Classify each block of a page: its markup, its wording, and its neighbours. A page with an
 * <article> or <main> has its reporting inside it, so blocks outside are furniture; the text of
 * an embedded post is the line before its signature; a block repeated by a longer one (a caption
 * cut short, a headline repeated in Title Case) is a copy. Returns one verdict per block, null for
 * the outlet's own text.
 */
export function classifyFurniture(blocks: readonly FurnitureBlock[]): (Furniture | null)[] {
  const roots = new Set<Element>();
  for (const block of blocks) {
    const root = block.element === undefined ? null : articleRootOf(block.element);
    if (root !== null) roots.add(root);
  }
  const verdicts = blocks.map((block): Furniture | null => {
    if (block.element !== undefined) {
      if (roots.size > 0 && articleRootOf(block.element) === null) return { kind: 'outside-article', why: 'outside <article>/<main>' };
      const byMarkup = furnitureOfElement(block.element);
      if (byMarkup !== null) return byMarkup;
    }
    return furnitureOfText(block.text);
  });

  blocks.forEach((block, i) => {
    // The post's own words sit right above its signature (plain-text captures of embedded posts).
    if (verdicts[i]?.kind === 'embedded-post' && POST_SIGNATURE.test(block.text.trim()) && i > 0 && verdicts[i - 1] === null) {
      verdicts[i - 1] = { kind: 'embedded-post', why: 'the text of the post signed below' };
    }
  });

  const folded = blocks.map((b) => fold(b.text));
  folded.forEach((text, i) => {
    if (verdicts[i] !== null || wordCount(text) < 4) return;
    for (let j = 0; j < folded.length; j += 1) {
      if (j === i) continue;
      const other = folded[j]!;
      // A shorter block that another block starts with (a cut caption), or a copy of a later one.
      if ((other.length > text.length && other.startsWith(text)) || (other === text && j > i)) {
        verdicts[i] = { kind: 'repeated', why: `repeats block ${j + 1}` };
        return;
      }
    }
  });
  return verdicts;
}
