// Page furniture: text on a news page that is not the article. Captions, asides and sidebars,
// navigation, promos and "read more" lists, newsletter boxes, ads, reader comments, posts by other
// people embedded in the page, and print-edition lines. Parallax never highlights it: a reader who
// sees a photo caption or a sidebar teaser tinted reads it as a claim of the article.
//
// Judged as Readability does, from what real pages mark: tags, ARIA roles and the words sites use
// in class and id names, one element at a time (its ancestors are the caller's concern: the
// extraction walk never enters a furniture element, so nothing inside one needs a check of its
// own). A line with no markup of its own is judged by its wording, for the few kinds that say what
// they are (a print-edition line, a newsletter call). Nothing here names a site.

/**
 * What kind of furniture an element or a line is. The first nine are what the extraction leaves
 * out of every page; the rest are told only by the curator's pack builder, which reads a plain
 * text or a saved page it knows is one article (src/tools/pack-build/curator-furniture.ts), where a false
 * positive costs a sentence of a draft rather than a highlight on a reader's page.
 */
export type FurnitureKind =
  | 'caption'
  | 'aside'
  | 'navigation'
  | 'read-more'
  | 'promo'
  | 'embedded-post'
  | 'advertisement'
  | 'comments'
  | 'print-edition'
  // Told only by the pack builder:
  | 'byline'
  | 'timestamp'
  | 'section-label'
  | 'copyright'
  | 'credits'
  | 'call-out'
  | 'logo'
  /** A block that repeats another (a caption cut short, a headline restated in Title Case). */
  | 'repeated'
  /** Outside the page's <article> or <main>, when it has one. */
  | 'outside-article';

/** Where the element is, as far as its ancestors matter. */
export interface FurnitureContext {
  /** Whether the element is inside an <article> or <main>: a <header> or <footer> there is the article's own. */
  inArticle: boolean;
}

/** Elements that hold furniture wherever they are. */
const FURNITURE_TAGS: ReadonlyMap<string, FurnitureKind> = new Map([
  ['figcaption', 'caption'],
  ['aside', 'aside'],
  ['nav', 'navigation'],
]);

/** The page's own header and footer (not an article's): the masthead, the site footer. */
const PAGE_CHROME_TAGS = new Set(['header', 'footer']);

/** Elements that are never furniture by their names: the page and its article hold everything. */
const CONTAINER_TAGS = new Set(['html', 'body', 'main', 'article']);

/** ARIA landmark roles of page chrome (the article is role main or none). */
const FURNITURE_ROLES: ReadonlyMap<string, FurnitureKind> = new Map([
  ['navigation', 'navigation'],
  ['banner', 'navigation'],
  ['contentinfo', 'navigation'],
  ['search', 'navigation'],
  ['complementary', 'aside'],
]);

/**
 * Words of class and id names that mark furniture wherever they appear in a name: "image-caption",
 * "article__related", "newsletter-signup", "twitter-tweet". Matched as whole words (split at
 * "-", "_", spaces and camelCase), never as substrings, so "headline" is not "ad".
 */
const NAME_WORDS: ReadonlyMap<string, FurnitureKind> = new Map([
  ['caption', 'caption'],
  ['captions', 'caption'],
  ['figcaption', 'caption'],
  ['related', 'read-more'],
  ['recommended', 'read-more'],
  ['recommendations', 'read-more'],
  ['recirculation', 'read-more'],
  ['readmore', 'read-more'],
  ['mostread', 'read-more'],
  ['trending', 'read-more'],
  ['outbrain', 'advertisement'],
  ['taboola', 'advertisement'],
  ['promo', 'promo'],
  ['promos', 'promo'],
  ['newsletter', 'promo'],
  ['newsletters', 'promo'],
  ['subscribe', 'promo'],
  ['subscription', 'promo'],
  ['signup', 'promo'],
  ['tweet', 'embedded-post'],
  ['twitter', 'embedded-post'],
  ['instagram', 'embedded-post'],
  ['tiktok', 'embedded-post'],
  ['breadcrumb', 'navigation'],
  ['breadcrumbs', 'navigation'],
  ['advert', 'advertisement'],
  ['advertisement', 'advertisement'],
  ['sponsored', 'advertisement'],
  ['comments', 'comments'],
  ['disqus', 'comments'],
]);

/** Two-word names: "read-more", "more-stories", "most-popular", "sign-up", "fb-post". */
const NAME_PAIRS: ReadonlyMap<string, FurnitureKind> = new Map([
  ['read more', 'read-more'],
  ['more stories', 'read-more'],
  ['most read', 'read-more'],
  ['most popular', 'read-more'],
  ['also read', 'read-more'],
  ['sign up', 'promo'],
  ['print edition', 'print-edition'],
  ['fb post', 'embedded-post'],
]);

/**
 * Words that mark furniture only where the name does not also say it is a layout container: a
 * "sidebar" is furniture, a "page-sidebar-layout" or "content-with-ads" wraps the article too.
 */
const WEAK_NAME_WORDS: ReadonlyMap<string, FurnitureKind> = new Map([
  ['sidebar', 'aside'],
  ['ad', 'advertisement'],
  ['ads', 'advertisement'],
  ['share', 'navigation'],
  ['sharing', 'navigation'],
  ['embed', 'embedded-post'],
  ['social', 'embedded-post'],
]);
const CONTAINER_WORDS = new Set([
  'article',
  'body',
  'content',
  'main',
  'story',
  'page',
  'layout',
  'column',
  'columns',
  'grid',
  'template',
  'wrapper',
]);

/** "has-sidebar", "with-ads", "no-comments", "ads-enabled": a state of the page, not a piece of it. */
const STATE_BEFORE = new Set(['has', 'with', 'no', 'show', 'hide', 'is', 'without']);
const STATE_AFTER = new Set(['enabled', 'disabled', 'active', 'open', 'closed', 'visible', 'hidden', 'free']);

/** The words of one class name or id: "article__relatedLinks" → article, related, links. */
function wordsOf(name: string): string[] {
  return name
    .split(/[_-]+/)
    .flatMap((part) => part.split(/(?<=[a-z])(?=[A-Z])/))
    .map((word) => word.toLowerCase())
    .filter((word) => word !== '');
}

/** Furniture named by one class name or id, or null. */
function furnitureOfName(name: string): FurnitureKind | null {
  const words = wordsOf(name);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (STATE_BEFORE.has(words[i - 1] ?? '') || STATE_AFTER.has(words[i + 1] ?? '')) continue;
    const pair = i + 1 < words.length ? NAME_PAIRS.get(`${word} ${words[i + 1]}`) : undefined;
    if (pair !== undefined) return pair;
    const strong = NAME_WORDS.get(word);
    if (strong !== undefined) return strong;
    const weak = WEAK_NAME_WORDS.get(word);
    if (weak !== undefined && !words.some((w) => CONTAINER_WORDS.has(w))) return weak;
  }
  return null;
}

function tagOf(element: Element): string {
  return (element.localName || element.tagName || '').toLowerCase();
}

/**
 * What kind of furniture an element is by its own markup, or null for content. Checked in this
 * order: its tag (figcaption, aside, nav; a header or footer outside the article), its ARIA role,
 * an aria-label that says "Advertisement", then each class name and the id.
 */
export function furnitureOfElement(element: Element, context: FurnitureContext): FurnitureKind | null {
  const tag = tagOf(element);
  if (CONTAINER_TAGS.has(tag)) return null;
  const byTag = FURNITURE_TAGS.get(tag);
  if (byTag !== undefined) return byTag;
  if (PAGE_CHROME_TAGS.has(tag) && !context.inArticle) return 'navigation';
  const role = element.getAttribute('role');
  if (role !== null) {
    const byRole = FURNITURE_ROLES.get(role.trim().toLowerCase());
    if (byRole !== undefined) return byRole;
  }
  if (/^\s*advert/i.test(element.getAttribute('aria-label') ?? '')) return 'advertisement';
  for (const name of classNamesOf(element)) {
    const byName = furnitureOfName(name);
    if (byName !== null) return byName;
  }
  return null;
}

/** An element's class names and its id. */
function classNamesOf(element: Element): string[] {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names.split(/\s+/).filter((name) => name !== '');
}

/** The words of all an element's class names and its id, as the name rules read them. */
export function nameWordsOf(element: Element): string[] {
  return classNamesOf(element).flatMap(wordsOf);
}

export function isFurniture(element: Element, context: FurnitureContext): boolean {
  return furnitureOfElement(element, context) !== null;
}

/** A line that says what it is by its wording. */
export interface FurnitureLineRule {
  kind: FurnitureKind;
  pattern: RegExp;
  /** The longest line (in words) the rule applies to: a paragraph that merely mentions the words is reporting. */
  maxWords: number;
}

/** The line rules every page is read with (the extraction drops these lines). */
export const PAGE_LINE_RULES: readonly FurnitureLineRule[] = [
  // "A version of this article appeared in the print edition of The Straits Times on ...",
  // "A version of this article appears in print on ..., Section A, Page 1 of the New York edition".
  {
    kind: 'print-edition',
    pattern:
      /\bversion of this (?:article|story) appear(?:s|ed) in (?:the )?print\b|\bappeared in the\b.{0,40}\bprint edition\b/i,
    maxWords: 60,
  },
  // The outlet selling itself: "Sign up for ...", "Subscribe to our newsletter ...", "Join ST's Telegram channel ...".
  {
    kind: 'promo',
    pattern:
      /^(?:sign up|subscribe)\b|^join (?:us|our|\S+['’]s)\b.{0,60}\b(?:channel|newsletter|community)\b|^follow us\b/i,
    maxWords: 30,
  },
];

/** What kind of furniture a line of text is by its wording alone (by the rules given), or null. */
export function furnitureOfLine(
  text: string,
  rules: readonly FurnitureLineRule[] = PAGE_LINE_RULES,
): FurnitureKind | null {
  const line = text.trim();
  if (line === '') return null;
  const words = line.split(/\s+/).length;
  for (const rule of rules) {
    if (words <= rule.maxWords && rule.pattern.test(line)) return rule.kind;
  }
  return null;
}

/** Whether an element opens the article's own context (its header and footer are not page chrome). */
export function opensArticle(element: Element): boolean {
  const tag = tagOf(element);
  return tag === 'article' || tag === 'main' || element.getAttribute('role') === 'main';
}

/** opensArticle as a selector, for closest(). */
export const ARTICLE_SELECTOR = 'article, main, [role="main"]';
