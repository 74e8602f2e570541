// The content script's life on one page, as wiring: read settings; keep the page's text and its
// matches current (scanning); draw them (rendering); answer the reader's pointer, clicks and keys
// (input), the popup and the keyboard command (popup-bridge); follow the settings; stop when the
// extension is gone (lifetime).
//
// Data flow: DOM → PageText (blocks mapped back to text nodes) → BlockStream → service worker →
// MatchResult → placePassages → Range → CSS.highlights → tooltip.
import { isParallaxUi } from '../../core/text/extract';
import { publishedDay } from '../../core/text/page-date';
import {
  DEFAULT_SETTINGS,
  getSettings,
  isActiveOn,
  setSiteEnabled,
  watchSettings,
  type Settings,
} from '../settings/settings';
import { BlockStream, toServiceWorker } from './block-stream';
import { contain } from './contain-errors';
import { createHighlightStyles } from './highlight-styles';
import { createHighlightLayer, keepRepaired } from './highlights';
import { createInput } from './input';
import { createLifetime } from './lifetime';
import { ChangeWatch } from './observe-changes';
import { createOwnTimer } from './own-time';
import { browserReading, PageText } from './page-text';
import { answerExtension, createBadge } from './popup-bridge';
import { createRenderer, type RenderSettings } from './rendering';
import { createScanner, followPage } from './scanning';
import { afterRendering, createSlicer } from './slices';
import { createTooltip } from './tooltip';

export const MARKS = {
  start: 'parallax:start',
  /** Settings read (storage is asynchronous). */
  settings: 'parallax:settings',
  /** The first scan is done: highlights drawn, or nothing to draw. */
  drawn: 'parallax:drawn',
  /** The content script's own synchronous time on the page's main thread until drawn. */
  ownTime: 'parallax:own-time',
  /** Each wait for the service worker to match the page (not the content script's own time). */
  matchWait: 'parallax:match-wait',
  /** An answer by meaning was asked for; its wait is measured as meaningWait once it is back. */
  meaningAsked: 'parallax:meaning-asked',
  /** Each wait for the answer by meaning (the sentence model running in the worker). */
  meaningWait: 'parallax:meaning-wait',
  /** An answer by meaning was drawn (the first one is what bench:browser reports). */
  meaningDrawn: 'parallax:meaning-drawn',
} as const;

export async function runParallax(): Promise<void> {
  const lifetime = createLifetime();
  if (!lifetime.alive()) return;
  performance.mark(MARKS.start);
  // At document_start, before the page is parsed: adopting the rules later restyles the whole page.
  const styles = createHighlightStyles(DEFAULT_SETTINGS.highlightStyle);
  styles.ensure(document);
  let settings: Settings = await getSettings();
  // The reader's style, as early as it is known: while the page is still being parsed, swapping
  // the rules restyles only what is parsed so far.
  styles.setStyle(settings.highlightStyle);
  performance.mark(MARKS.settings);
  await documentParsed(document);

  const timer = createOwnTimer(performance);
  const active = (): boolean => isActiveOn(settings, location.hostname);
  const renderSettings = (): RenderSettings => ({ ...settings, active: active() });
  const layer = createHighlightLayer(window);
  const badge = createBadge();
  const tooltip = createTooltip(document, {
    onClose: () => layer.setFocus(null),
    onTurnOffSite: contain('turning off the site', () => setSiteEnabled(location.hostname, false)),
  });
  const renderer = createRenderer({
    layer,
    styles,
    tooltip,
    settings: renderSettings(),
    onPassages: (p) => badge.show(p.length),
  });
  const input = createInput({
    lifetime,
    tooltip,
    drawn: layer.supported,
    passages: () => renderer.passages,
    open: (p) => renderer.open(p),
  });
  const pageText = new PageText(document.body ?? document.documentElement, browserReading(isParallaxUi));
  const stream = new BlockStream(toServiceWorker);
  // The page's own date (the story gate weighs it): read until found, then kept (it does not change;
  // a page that renders its metadata late gets it on a later scan).
  let pageDate: string | null = null;
  const published = (): string | null => (pageDate ??= publishedDay(document));
  const changes = new ChangeWatch(
    (node) => node.nodeType === 1 && isParallaxUi(node as Element),
    (records) => scanner.changed(records),
  );
  const scanner = createScanner({
    view: window,
    pageText,
    active,
    alive: lifetime.alive,
    slicer: createSlicer(window),
    match: (url, texts) => measuredWait(MARKS.matchWait, () => stream.match(url, texts, published())),
    matchMeaning: (url) => {
      performance.mark(MARKS.meaningAsked);
      return measuredWait(MARKS.meaningWait, () => stream.matchMeaning(url, published()));
    },
    url: () => location.href,
    urgent: () => renderer.broken(),
    onBlocks: (blocks) => {
      timer.measure(() => renderer.setBlocks(blocks));
      // The shadow roots and frames the page's text reaches: watch them, listen in the frames.
      for (const tree of [document, ...pageText.otherTrees]) {
        changes.watch(tree);
        if (tree.nodeType === 9) input.listenIn(tree as Document);
      }
    },
    onMatched: (matched) => {
      timer.measure(() => renderer.setMatched(matched));
      if (matched?.result.meaning === 'done') performance.mark(MARKS.meaningDrawn);
    },
    onError: (error) => console.warn('[Parallax] reading the page failed:', error),
  });
  followPage(window, lifetime.signal, scanner, lifetime.guard);
  // (The check also notices, within a tick, that the extension is gone.)
  keepRepaired(window, layer, () => lifetime.alive() && renderer.passages.length > 0, lifetime.signal);
  const stopAnswering = answerExtension({
    passages: () => renderer.passages,
    active,
    current: () => tooltip.current?.index ?? renderer.visited,
    open: (passage, { scroll }) => renderer.open(passage, { scroll }),
    rematch: () => scanner.rematch(),
  });
  const stopWatchingSettings = watchSettings(
    lifetime.guard(
      contain('settings change', (next: Settings) => {
        const wasActive = active();
        settings = next;
        renderer.setSettings(renderSettings());
        // Turned back on: the page may have changed while off.
        if (active() && !wasActive) void scanner.rescanAll();
      }),
    ),
  );
  // The page first (nothing of Parallax left on it), then the extension's APIs, which may throw.
  for (const cleanup of [
    scanner.stop,
    changes.stop.bind(changes),
    tooltip.dispose,
    layer.clear,
    styles.dispose,
    stopAnswering,
    stopWatchingSettings,
  ]) {
    lifetime.onEnd(cleanup);
  }

  input.listenIn(document);
  changes.watch(document);
  await afterRendering(window);
  await scanner.rescanAll();
  performance.mark(MARKS.drawn);
  timer.add(pageText.readMs);
  timer.publish(MARKS.ownTime);
}

/** Runs `ask`, measuring how long its answer took as `name` (for the tests and benches). */
async function measuredWait<T>(name: string, ask: () => Promise<T>): Promise<T> {
  const asked = performance.now();
  try {
    return await ask();
  } finally {
    performance.measure(name, { start: asked, end: performance.now() });
  }
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
