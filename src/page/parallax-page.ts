// The content script's life on one page: read settings; extract the page's blocks; ask the
// service worker to match them; turn matches into ranges and draw them; answer pointer, click,
// keyboard and popup; follow later changes to the page and to the settings.
//
// Data flow: DOM → extractBlocks (blocks mapped back to text nodes) → matchBlocks (service worker)
// → BlockMatch → toNodeRange → Range → CSS.highlights → tooltip.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isParallaxUi, type ExtractedBlock } from '../core/text/extract';
import { toNodeRange } from '../core/text/range';
import { isFromThisExtension, onMessage, sendMessage, type TabHighlights } from '../messaging/protocol';
import { getSettings, isActiveOn, setSiteEnabled, watchSettings, type Settings } from '../settings/settings';
import { contain } from './contain-errors';
import { adoptHighlightStyles, type HighlightStyles } from './highlight-styles';
import { createHighlightLayer } from './highlights';
import { passageAt } from './hit-test';
import { stepIndex, type Direction } from './keyboard-navigation';
import { observeChanges } from './observe-changes';
import { createOwnTimer } from './own-time';
import { PageText } from './page-text';
import { buildPassages, type Passage } from './passages';
import type { MatchResult } from '../background/matching-service';
import { createTooltip } from './tooltip';

export const MARKS = {
  start: 'parallax:start',
  /** Settings read (storage is asynchronous). */
  settings: 'parallax:settings',
  drawn: 'parallax:drawn',
  ownTime: 'parallax:own-time',
  /** Time waiting for the service worker to match the page (not the content script's own time). */
  matchWait: 'parallax:match-wait',
  /** One extraction of the page's text (every scan, including rescans after changes). */
  extract: 'parallax:extract',
  /** Re-extracting only what a batch of mutations touched. */
  extractChanges: 'parallax:extract-changes',
} as const;

function measureSince(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // User Timing unavailable: timing is informative only.
  }
}

export async function runParallax(ctx: ContentScriptContext): Promise<void> {
  const doc = document;
  const view = window;
  performance.mark(MARKS.start);
  const timer = createOwnTimer(performance);
  const ownId = browser.runtime.id;

  let settings: Settings = await getSettings();
  performance.mark(MARKS.settings);
  let blocks: ExtractedBlock[] = [];
  let lastTexts: string[] = [];
  let lastUrl = '';
  let result: MatchResult | null = null;
  let passages: Passage[] = [];
  let visited: number | null = null;
  let badgeCount = -1;
  let generation = 0;
  let styles: HighlightStyles | null = null;

  const layer = createHighlightLayer(view);
  const tooltip = createTooltip(doc, {
    onClose: () => layer.setFocus(null),
    onTurnOffSite: contain('turning off the site', () => setSiteEnabled(location.hostname, false)),
  });
  const isOwnUi = (node: Node): boolean => node.nodeType === 1 && isParallaxUi(node as Element);
  const active = (): boolean => isActiveOn(settings, location.hostname);

  const isHidden = (element: Element): boolean =>
    typeof element.checkVisibility === 'function' ? !element.checkVisibility({ visibilityProperty: true }) : false;

  const toRange = (block: ExtractedBlock, start: number, end: number): Range | null => {
    const at = toNodeRange(block, start, end);
    if (!at) return null;
    const range = doc.createRange();
    range.setStart(at.startNode, at.startOffset);
    range.setEnd(at.endNode, at.endOffset);
    return range;
  };

  const updateBadge = (): void => {
    if (passages.length === badgeCount) return;
    badgeCount = passages.length;
    sendMessage('setHighlightCount', badgeCount).catch(() => {});
  };

  /** Turns the last match result into passages and draws them (settings filter applied here). */
  const render = (): void => {
    const wasOpen = tooltip.current;
    passages =
      result && active()
        ? buildPassages(blocks, result.page, result.claims, { onlyDiffering: settings.onlyDiffering, toRange })
        : [];
    if (passages.length > 0 && !styles) styles = adoptHighlightStyles(doc, settings.highlightStyle);
    styles?.setStyle(settings.highlightStyle);
    layer.draw(passages);
    layer.setFocus(null);
    if (wasOpen) {
      // Keep the tooltip open across a rescan when its passage is still there (re-anchored).
      const same = passages.find((p) => p.start === wasOpen.start && p.text === wasOpen.text && p.range.toString() === wasOpen.text);
      if (same) {
        tooltip.open(same, { focus: false });
        layer.setFocus(same);
      } else tooltip.close({ restoreFocus: false });
    }
    updateBadge();
  };

  const rangesIntact = (): boolean =>
    passages.every((p) => !p.range.collapsed && p.range.startContainer.isConnected && p.range.endContainer.isConnected);

  const pageText = new PageText(doc.body ?? doc.documentElement, { isHidden, skip: isParallaxUi });

  /**
   * Extracts the page (only what `changes` touched, when given and the last extraction is
   * current); when its text and address are unchanged only re-anchors, else re-matches.
   */
  const scan = async ({ redraw = false, changes }: { redraw?: boolean; changes?: MutationRecord[] } = {}): Promise<void> => {
    const mine = ++generation;
    if (!active()) {
      result = null;
      blocks = [];
      lastTexts = [];
      timer.measure(render);
      return;
    }
    const extractStart = performance.now();
    const texts = timer.measure(() => {
      blocks = changes && lastTexts.length > 0 ? pageText.update(changes) : pageText.full();
      return blocks.map((b) => b.text);
    });
    measureSince(pageText.lastUpdate === 'incremental' ? MARKS.extractChanges : MARKS.extract, extractStart);
    const url = location.href;
    if (result && url === lastUrl && sameTexts(texts, lastTexts)) {
      // Same text, maybe new nodes (a framework re-render): re-anchor the ranges locally.
      if (redraw || !rangesIntact()) timer.measure(render);
      return;
    }
    const asked = performance.now();
    const reply = await sendMessage('matchBlocks', { url, blocks: texts });
    measureSince(MARKS.matchWait, asked);
    if (mine !== generation) return; // a newer scan started while this one waited
    const unchanged = !redraw && result !== null && rangesIntact() && sameMatches(result, lastTexts, reply, texts);
    result = reply;
    lastTexts = texts;
    lastUrl = url;
    // Text changed elsewhere on the page (a ticker, an ad): the highlighted passages still stand.
    if (!unchanged) timer.measure(render);
  };

  const openPassage = (passage: Passage, opts: { scroll: boolean }): void => {
    if (opts.scroll) {
      const element = passage.range.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    visited = passage.index;
    tooltip.open(passage); // closes any open tooltip first, which clears the focus highlight
    layer.setFocus(passage);
  };

  const navigate = (direction: Direction): void => {
    const next = stepIndex(tooltip.current?.index ?? visited, passages.length, direction);
    if (next !== null) openPassage(passages[next]!, { scroll: true });
  };

  // Pointer: a hand over highlights, hit-tested once per animation frame.
  let pendingMove: PointerEvent | null = null;
  ctx.addEventListener(view, 'pointermove', contain('pointer move', (event: PointerEvent) => {
    if (passages.length === 0 || !styles) return;
    if (pendingMove === null) {
      view.requestAnimationFrame(contain('pointer hit-test', () => {
        const move = pendingMove;
        pendingMove = null;
        if (move && styles) styles.setPointer(passageAt(doc, passages, move.clientX, move.clientY) !== null);
      }));
    }
    pendingMove = event;
  }), { passive: true, capture: true });

  // Click: open the passage's tooltip; a click anywhere else closes it. A highlight inside a link
  // stays a link (the page's navigation wins; the keyboard command or the popup opens the tooltip).
  // Listened for in the capture phase, so a page that stops clicks from bubbling cannot hide them;
  // nothing is prevented, so the page's own handlers still run.
  ctx.addEventListener(view, 'click', contain('click', (event: MouseEvent) => {
    if (event.button !== 0 || tooltip.contains(event)) return;
    // Without the Highlight API nothing is drawn, so clicks on plain text open nothing either.
    const hit = passages.length > 0 && layer.supported ? passageAt(doc, passages, event.clientX, event.clientY) : null;
    const target = event.target instanceof Element ? event.target : null;
    const inLink = target?.closest('a[href]') != null;
    const selecting = !(view.getSelection()?.isCollapsed ?? true);
    if (hit && !inLink && !selecting) {
      openPassage(hit, { scroll: false });
    } else if (tooltip.current) {
      tooltip.close({ restoreFocus: false });
    }
  }), { capture: true });

  ctx.addEventListener(view, 'keydown', contain('keydown', (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !tooltip.current) return;
    const inside = tooltip.contains(event);
    tooltip.close();
    if (inside) event.stopPropagation();
  }), { capture: true });

  const removeListeners: (() => void)[] = [];
  removeListeners.push(onMessage('listHighlights', ({ sender }): TabHighlights => {
    if (!isFromThisExtension(sender, ownId)) throw new Error('Refused: not from this extension');
    return {
      host: location.hostname,
      active: active(),
      highlights: passages.map((p) => ({
        index: p.index,
        text: p.text,
        claims: p.claims.map((c) => ({ id: c.id, summary: c.summary, status: c.status })),
      })),
    };
  }));
  removeListeners.push(onMessage('focusHighlight', ({ sender, data }) => {
    if (!isFromThisExtension(sender, ownId)) throw new Error('Refused: not from this extension');
    const passage = passages[data];
    if (passage) openPassage(passage, { scroll: true });
  }));
  removeListeners.push(onMessage('navigateHighlight', ({ sender, data }) => {
    if (!isFromThisExtension(sender, ownId)) throw new Error('Refused: not from this extension');
    navigate(data);
  }));

  const rescan = contain('rescan', () => scan());
  const rescanChanges = contain('rescan', (changes: MutationRecord[]) => scan({ changes }));
  const rescanAndRedraw = contain('rescan', () => scan({ redraw: true }));
  const stopObserving = observeChanges(doc, isOwnUi, rescanChanges);
  ctx.addEventListener(view, 'wxt:locationchange', rescan);
  const unwatch = watchSettings(contain('settings change', (next: Settings) => {
    const wasActive = active();
    settings = next;
    // Turned back on: the page may have changed while off, so scan (re-matching only if it did).
    if (active() && !wasActive) rescanAndRedraw();
    else timer.measure(render);
  }));

  ctx.onInvalidated(() => {
    for (const remove of removeListeners) remove();
    stopObserving();
    unwatch();
    tooltip.dispose();
    layer.clear();
    styles?.dispose();
  });

  await scan();
  performance.mark(MARKS.drawn);
  timer.publish(MARKS.ownTime);
}

/** Whether two match results highlight the same passages of the same block texts. */
function sameMatches(a: MatchResult, aTexts: readonly string[], b: MatchResult, bTexts: readonly string[]): boolean {
  const key = (r: MatchResult, texts: readonly string[]) =>
    JSON.stringify([
      r.page.onStory,
      r.page.matches.map((m) => [texts[m.block], m.start, m.end, m.claims.map((c) => c.claimId)]),
      Object.values(r.claims).map((c) => [c.id, c.status, c.reports.length]),
    ]);
  return key(a, aTexts) === key(b, bTexts);
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i]);
}
