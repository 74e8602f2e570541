// Caps how deeply markup nests before linkedom parses it. htmlparser2 (under linkedom) keeps its
// open-element stack with Array#unshift, so parsing costs depth² : 100,000 nested <div>s take
// seconds where a browser takes milliseconds. Browsers cap the tree too (Chromium at 512 levels,
// attaching deeper elements to the last allowed ancestor); we do the same by dropping the tags
// of elements deeper than the cap and their end tags, which keeps every character of text.
// Real pages are never touched: the scan that measures depth only rewrites markup that nests
// deeper than the cap.

/** Chromium's parser depth limit. */
export const MAX_NESTING_DEPTH = 512;

/** Elements that have no end tag, so they never nest. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'basefont',
  'bgsound',
  'frame',
]);

/** Elements whose content is raw text up to their end tag: "<div>" inside a script is not a tag. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

/** Start tags that close an open <p> (HTML's "close a p element" rule, simplified). */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'dialog',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'dd',
  'dt',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'ul',
]);

/**
 * Start tags that close an open element of a kind (<li>a<li>b, <td>a<td>b) unless a container
 * (the nested list or table) lies between them.
 */
const IMPLIED_END: Record<string, { closes: readonly string[]; scope: readonly string[] }> = {
  li: { closes: ['li'], scope: ['ul', 'ol', 'menu'] },
  dt: { closes: ['dt', 'dd'], scope: ['dl'] },
  dd: { closes: ['dt', 'dd'], scope: ['dl'] },
  td: { closes: ['td', 'th'], scope: ['tr', 'table'] },
  th: { closes: ['td', 'th'], scope: ['tr', 'table'] },
  tr: { closes: ['tr'], scope: ['table', 'tbody', 'thead', 'tfoot'] },
  option: { closes: ['option'], scope: ['select', 'datalist'] },
};

/** How far down the open-element stack an end tag looks for its element (bounds the work). */
const END_TAG_SEARCH = 64;

const rawTextEndTags = new Map<string, RegExp>();
/** A sticky-free global search for "</script" etc. in any case, from a given position. */
function rawTextEndTag(name: string): RegExp {
  let pattern = rawTextEndTags.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`</${name}`, 'gi');
    rawTextEndTags.set(name, pattern);
  }
  return pattern;
}

const isAsciiLetterCode = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isTagNameCode = (code: number): boolean =>
  isAsciiLetterCode(code) || (code >= 48 && code <= 58) /* 0-9 and ":" */ || code === 45; /* "-" */

interface Tag {
  /** Offset of "<" and just past ">". */
  start: number;
  end: number;
  name: string;
  closing: boolean;
  selfClosing: boolean;
}

/**
 * Calls `visit` for every start and end tag in document order, skipping comments, doctypes and
 * raw-text content. One forward pass with indexOf: linear on any input, including garbage full
 * of "<" with no ">".
 */
function scanTags(html: string, visit: (tag: Tag) => void): void {
  let position = 0;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open < 0) return;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      if (close < 0) return;
      position = close + 3;
      continue;
    }
    const closing = html[open + 1] === '/';
    const nameStart = open + (closing ? 2 : 1);
    let nameEnd = nameStart;
    while (nameEnd < html.length && isTagNameCode(html.charCodeAt(nameEnd))) nameEnd += 1;
    if (nameEnd === nameStart || !isAsciiLetterCode(html.charCodeAt(nameStart))) {
      // "<!doctype", "<?xml", "< 5": not an element tag.
      position = open + 1;
      continue;
    }
    const end = html.indexOf('>', nameEnd);
    if (end < 0) return; // an unterminated tag runs to the end: no more tags
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    visit({ start: open, end: end + 1, name, closing, selfClosing: html[end - 1] === '/' });
    position = end + 1;
    if (!closing && RAW_TEXT_ELEMENTS.has(name)) {
      const endTag = rawTextEndTag(name);
      endTag.lastIndex = position;
      const rawEnd = endTag.exec(html);
      position = rawEnd === null ? html.length : rawEnd.index;
    }
  }
}

/** Pop the elements a start tag closes implicitly; looks at most END_TAG_SEARCH entries down. */
function closeImpliedEnds(stack: { name: string }[], name: string): void {
  if (CLOSES_P.has(name) && stack[stack.length - 1]?.name === 'p') stack.pop();
  const rule = IMPLIED_END[name];
  if (rule === undefined) return;
  const limit = Math.max(0, stack.length - END_TAG_SEARCH);
  for (let index = stack.length - 1; index >= limit; index -= 1) {
    const open = stack[index]!.name;
    if (rule.scope.includes(open)) return;
    if (rule.closes.includes(open)) {
      stack.length = index;
      return;
    }
  }
}

/** Tracks the open elements the way a parser roughly would, reporting each tag's fate. */
function walkNesting(html: string, onTag: (tag: Tag, depthBefore: number, dropped: boolean) => void): void {
  const stack: { name: string; dropped: boolean }[] = [];
  scanTags(html, (tag) => {
    if (tag.closing) {
      const limit = Math.max(0, stack.length - END_TAG_SEARCH);
      for (let index = stack.length - 1; index >= limit; index -= 1) {
        if (stack[index]!.name !== tag.name) continue;
        const dropped = stack[index]!.dropped;
        stack.length = index;
        onTag(tag, stack.length, dropped);
        return;
      }
      onTag(tag, stack.length, false); // a stray end tag: left for the parser to ignore
      return;
    }
    if (VOID_ELEMENTS.has(tag.name) || tag.selfClosing) {
      onTag(tag, stack.length, false);
      return;
    }
    closeImpliedEnds(stack, tag.name);
    const dropped = stack.length >= MAX_NESTING_DEPTH;
    onTag(tag, stack.length, dropped);
    stack.push({ name: tag.name, dropped });
  });
}

/** The greatest nesting depth of the markup, as `walkNesting` sees it. */
export function nestingDepth(html: string): number {
  let deepest = 0;
  walkNesting(html, (tag, depthBefore) => {
    if (!tag.closing) deepest = Math.max(deepest, depthBefore + 1);
  });
  return deepest;
}

/** The markup with elements deeper than MAX_NESTING_DEPTH unwrapped; unchanged if none are. */
export function flattenDeepNesting(html: string): string {
  if (nestingDepth(html) <= MAX_NESTING_DEPTH) return html;
  const pieces: string[] = [];
  let copiedUpTo = 0;
  walkNesting(html, (tag, _depth, dropped) => {
    if (!dropped) return;
    pieces.push(html.slice(copiedUpTo, tag.start));
    copiedUpTo = tag.end;
  });
  pieces.push(html.slice(copiedUpTo));
  return pieces.join('');
}
