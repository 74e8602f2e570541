// Hostile pages for the browser suites and bench:hostile, generated on the fly (no multi-MB
// fixtures in git). Each is the Straits Times seed article (served at its real host, so Parallax
// has passages to highlight) inside a page that makes Parallax's life hard: very large, very many
// elements, forging the extension's signals, re-rendering the article without pause, or putting
// the article in a shadow root or an iframe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../src/node/paths';
import { seededRandom } from '../../src/node/helpers/seeded-random';

/** Where the hostile pages are served: the Straits Times host, so the seed article is on its outlet. */
export const HOSTILE_ORIGIN = 'https://www.straitstimes.com';

/** The pages' paths under HOSTILE_ORIGIN (the seed article itself is a fixture the server has). */
export const HOSTILE_PATHS = {
  seed: '/pages/seed-straits-times.html',
  big: '/hostile/big-article.html',
  many: '/hostile/many-elements.html',
  forging: '/hostile/forging.html',
  rerendering: '/hostile/rerendering.html',
  shadow: '/hostile/shadow-article.html',
  iframe: '/hostile/iframe-article.html',
  frame: '/hostile/framed-article.html',
} as const;

/** A hostile page's address, as the browser opens it. */
export const hostileUrl = (path: string): string => `${HOSTILE_ORIGIN}${path}`;

/** Routes every generated hostile page on a test server (the browser harness's `route`). */
export function serveHostilePages(server: { route(path: string, html: string): void }): void {
  server.route(HOSTILE_PATHS.big, bigArticlePage());
  server.route(HOSTILE_PATHS.many, manyElementsPage());
  server.route(HOSTILE_PATHS.forging, forgingPage());
  server.route(HOSTILE_PATHS.rerendering, rerenderingPage());
  server.route(HOSTILE_PATHS.shadow, shadowArticlePage());
  server.route(HOSTILE_PATHS.iframe, iframeArticlePage(HOSTILE_PATHS.frame));
  server.route(HOSTILE_PATHS.frame, framedArticle());
}

const SEED = readFileSync(join(FIXTURES_DIR, 'pages/seed-straits-times.html'), 'utf8');

/** The seed article's inner HTML (heading, paragraphs), as the seed page has it. */
export const SEED_ARTICLE = SEED.slice(SEED.indexOf('<article>') + '<article>'.length, SEED.indexOf('</article>'));

const STYLE = `<style>
  body { margin: 0 auto; max-width: 760px; padding: 16px; font: 18px/1.6 Georgia, serif; color: #1b1b1b; background: #fff; }
  .filler p, .cards p { font-size: 15px; margin: 4px 0; }
</style>`;

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${STYLE}${head}</head>
<body>${body}</body></html>`;
}

// Everyday news words that say nothing about the seed story, so the filler costs the matcher real
// work (sentences, terms) without matching.
const WORDS = (
  'council market weather football season harbour bridge school budget minister festival museum ' +
  'rainfall railway station tourism recipe garden library orchestra election committee factory ' +
  'pension hospital nurses airport runway coffee harvest farmers bakery cinema theatre gallery ' +
  'cyclists marathon weekend forecast morning evening residents neighbours mayor planning housing ' +
  'exports imports inflation savings shoppers retailers holiday summer winter spring autumn river'
).split(' ');

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!);
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** ~5 MB: the seed article, then 20,000 paragraphs of unrelated news text. */
export function bigArticlePage(paragraphs = 20_000): string {
  const next = seededRandom(1);
  const filler: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    filler.push(`<p>${sentence(next, 16)} ${sentence(next, 14)} ${sentence(next, 6)}</p>`);
  }
  return page(
    'Big article | The Straits Times',
    `<article>${SEED_ARTICLE}</article><section class="filler">${filler.join('\n')}</section>`,
  );
}

/** ~60,000 elements: the seed article, then 12,000 small cards of five elements each. */
export function manyElementsPage(cards = 12_000): string {
  const next = seededRandom(2);
  const items: string[] = [];
  for (let i = 0; i < cards; i++) {
    items.push(
      `<div class="card"><h4>${WORDS[i % WORDS.length]}</h4><p><span>${sentence(next, 5)}</span> <a href="#c${i}">more</a></p></div>`,
    );
  }
  return page(
    'Many elements | The Straits Times',
    `<article>${SEED_ARTICLE}</article><section class="cards">${items.join('')}</section>`,
  );
}

/**
 * The seed article, plus a script that learns the extension's id from the message every page was
 * sent (`<id>:content:wxt:content-script-started`, in `window.learnedId`) and can forge the "a
 * newer copy of the content script started" signal with an id: `window.forgeWith(id)`.
 * `window.addLateParagraph()` adds a passage to match afterwards.
 */
export function forgingPage(): string {
  return page(
    'Forging page | The Straits Times',
    `<article>${SEED_ARTICLE}</article>
<script>
  window.forgedSignals = 0;
  window.learnedId = null;
  const forge = (type) => {
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    window.postMessage({ type, contentScriptName: 'content', messageId: 'forged' }, '*');
    window.forgedSignals++;
  };
  window.forgeWith = (id) => forge(id + ':content:wxt:content-script-started');
  window.addEventListener('message', (event) => {
    const type = event.data && event.data.type;
    if (typeof type === 'string' && type.endsWith(':content:wxt:content-script-started') && event.data.messageId !== 'forged') {
      window.learnedId = type.split(':')[0];
    }
  });
  window.addLateParagraph = () => {
    const p = document.createElement('p');
    p.id = 'late-paragraph';
    p.textContent = "The convoy carrying the group was 6km to 7km long, according to another driver, with almost 50 trucks, 13 buses and more than 100 of ISIS' own vehicles.";
    document.querySelector('article').append(p);
  };
</script>`,
  );
}

/** The seed article, re-rendered every `everyMs` as a framework would: same text, new nodes. */
export function rerenderingPage(everyMs = 50): string {
  return page(
    'Re-rendering page | The Straits Times',
    `<article>${SEED_ARTICLE}</article>
<aside><p id="ticker">Markets open</p></aside>
<script>
  const article = document.querySelector('article');
  const html = article.innerHTML;
  window.rerenders = 0;
  window.rerendering = setInterval(() => {
    const fresh = document.createElement('template');
    fresh.innerHTML = html;
    article.replaceChildren(fresh.content);
    window.rerenders++;
  }, ${everyMs});
  window.stopRerendering = () => clearInterval(window.rerendering);
</script>`,
  );
}

/** The seed article inside a custom element's open shadow root; one paragraph is slotted in from the light DOM. */
export function shadowArticlePage(): string {
  const paragraphs = SEED_ARTICLE.split('</p>');
  // The last paragraph stays in the light DOM and is shown through a <slot>.
  const slotted = `${paragraphs.slice(-2, -1)[0]}</p>`.trim();
  const inShadow = `${paragraphs.slice(0, -2).join('</p>')}</p>`;
  return page(
    'Shadow article | The Straits Times',
    `<news-article>${slotted.replace('<p>', '<p slot="last">')}</news-article>
<template id="article-template"><style>p { margin: 0 0 12px; }</style><article>${inShadow}<slot name="last"></slot></article></template>
<script>
  customElements.define('news-article', class extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).append(document.getElementById('article-template').content.cloneNode(true));
    }
  });
</script>`,
  );
}

/** A page whose article is in a same-origin iframe (as some publishers embed their reader view). */
export function iframeArticlePage(framePath: string): string {
  return page(
    'Framed article | The Straits Times',
    `<header><strong>The Straits Times</strong></header>
<iframe src="${framePath}" title="Article" style="width: 100%; height: 2400px; border: 0"></iframe>`,
  );
}

/** The document inside iframeArticlePage's frame. */
export function framedArticle(): string {
  return page('Article', `<article>${SEED_ARTICLE}</article>`);
}
