// The content script's life on one page, as wiring: read settings; keep the page's text and its
// matches current (scanning); draw them (rendering); answer the reader's pointer, clicks and keys
// (input), the popup and the keyboard command (popup-bridge); follow the settings; stop when the
// extension is gone (lifetime).
//
// Data flow: DOM → PageText (blocks mapped back to text nodes) → BlockStream → service worker →
// MatchResult → anchorPassages → Range → CSS.highlights → tooltip.
import { isParallaxUi } from '../core/text/extract';
import { sendMessage } from '../messaging/protocol';
import { DEFAULT_SETTINGS, getSettings, isActiveOn, setSiteEnabled, watchSettings, type Settings } from '../settings/settings';
import { BlockStream } from './block-stream';
import { contain } from './contain-errors';
import { createHighlightStyles } from './highlight-styles';
import { createHighlightLayer } from './highlights';
import { listenForInput } from './input';
import { createLifetime } from './lifetime';
import { ChangeWatch } from './observe-changes';
import { createOwnTimer } from './own-time';
import { browserReading, PageText } from './page-text';
import { createPointerCursor } from './pointer-cursor';
import { answerExtension, createBadge } from './popup-bridge';
import { createRenderer, type RenderSettings } from './rendering';
import { createScanner } from './scanning';
import { createSlicer } from './slices';
import { createTooltip } from './tooltip';

export const MARKS = {
  start: 'parallax:start',
  /** Settings read (storage is asynchronous). */
  settings: 'parallax:settings',
  /** The first scan is done: highlights drawn, or nothing to draw. */
  drawn: 'parallax:drawn',
  /** The content script's own synchronous time on the page's main thread until drawn. */
  ownTime: 'parallax:own-time',
} as const;

/** Highlights the page removed are put back this often (the page may clear CSS.highlights at any time). */
const REPAIR_EVERY_MS = 500;

export async function runParallax(): Promise<void> {
  const lifetime = createLifetime();
  if (!lifetime.alive()) return;
  performance.mark(MARKS.start);
  // At document_start, before the page is parsed: adopting the rules later restyles the whole page.
  const styles = createHighlightStyles(DEFAULT_SETTINGS.highlightStyle);
  styles.ensure(document);
  let settings: Settings = await getSettings();
  performance.mark(MARKS.settings);
  await documentParsed(document);

  const timer = createOwnTimer(performance);
  const slicer = createSlicer(window);
  const active = (): boolean => isActiveOn(settings, location.hostname);
  const renderSettings = (): RenderSettings => ({ ...settings, active: active() });
  const isOwnUi = (node: Node): boolean => node.nodeType === 1 && isParallaxUi(node as Element);
  const layer = createHighlightLayer(window);
  const badge = createBadge();
  const tooltip = createTooltip(document, {
    onClose: () => layer.setFocus(null),
    onTurnOffSite: contain('turning off the site', () => setSiteEnabled(location.hostname, false)),
  });
  const renderer = createRenderer({ layer, styles, tooltip, settings: renderSettings(), onPassages: (p) => badge.show(p.length) });
  const pageText = new PageText(document.body ?? document.documentElement, browserReading(isParallaxUi));
  const stream = new BlockStream({ splice: (step) => sendMessage('spliceBlocks', step), match: (request) => sendMessage('matchSession', request) });
  const changes = new ChangeWatch(isOwnUi, (records) => scanner.changed(records));
  const cursor = createPointerCursor();
  const inputDeps = {
    lifetime, cursor,
    passages: () => renderer.passages,
    drawn: () => layer.supported,
    inOwnUi: (event: Event) => tooltip.contains(event),
    open: (passage: (typeof renderer.passages)[number]) => renderer.open(passage),
    dismiss: (event: Event, how: 'click' | 'escape') => {
      if (!tooltip.current) return;
      const inside = tooltip.contains(event);
      tooltip.close({ restoreFocus: how === 'escape' });
      if (how === 'escape' && inside) event.stopPropagation();
    },
  };
  const framesListened = new WeakSet<Window>();
  const scanner = createScanner({
    view: window, pageText, slicer, active, alive: lifetime.alive,
    match: (url, texts) => stream.match(url, texts),
    url: () => location.href,
    urgent: () => renderer.broken(),
    onBlocks: (blocks) => {
      timer.measure(() => renderer.setBlocks(blocks));
      // Shadow roots and frames the page's text reaches: watch them, and listen in the frames.
      for (const tree of pageText.otherTrees) {
        changes.watch(tree);
        const frame = (tree as Document).defaultView;
        if (frame && frame !== window && !framesListened.has(frame)) {
          framesListened.add(frame);
          listenForInput(frame, inputDeps);
        }
      }
    },
    onMatched: (matched) => timer.measure(() => renderer.setMatched(matched)),
    onError: (error) => console.warn('[Parallax] reading the page failed:', error),
  });

  listenForInput(window, inputDeps);
  changes.watch(document);
  const stopAnswering = answerExtension({
    passages: () => renderer.passages, active,
    current: () => tooltip.current?.index ?? renderer.visited,
    open: (passage, { scroll }) => renderer.open(passage, { scroll }),
  });
  const stopWatchingSettings = watchSettings(lifetime.guard(contain('settings change', (next: Settings) => {
    const wasActive = active();
    settings = next;
    renderer.setSettings(renderSettings());
    // Turned back on: the page may have changed while off.
    if (active() && !wasActive) void scanner.rescanAll();
  })));
  // Single-page navigation; a frame that loads later; a page that wipes the highlights.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', lifetime.guard((e: Event) => e.isTrusted && scanner.recheck()), { signal: lifetime.signal });
  document.addEventListener('load', lifetime.guard((e: Event) => {
    if (e.isTrusted && /^i?frame$/i.test((e.target as Element).localName ?? '')) void scanner.rescanAll();
  }), { capture: true, signal: lifetime.signal });
  const repair = setInterval(lifetime.guard(() => renderer.passages.length > 0 && layer.repair()), REPAIR_EVERY_MS);

  lifetime.onEnd(() => {
    clearInterval(repair);
    stopAnswering();
    stopWatchingSettings();
    scanner.stop();
    changes.stop();
    cursor.showOn(null);
    tooltip.dispose();
    layer.clear();
    styles.dispose();
  });

  await scanner.rescanAll();
  performance.mark(MARKS.drawn);
  timer.add(pageText.readMs);
  timer.publish(MARKS.ownTime);
}

/** Resolves once the document is parsed (readyState cannot be faked by the page, unlike an event). */
function documentParsed(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (doc.readyState === 'loading') return;
      doc.removeEventListener('readystatechange', check);
      resolve();
    };
    doc.addEventListener('readystatechange', check);
    check();
  });
}
