import { runParallax } from '../src/extension/page/parallax-page';

// Runs on every http(s) page; all the work is in src/extension/page/. document_start: Parallax's highlight
// rules are adopted before the page is parsed (later, adopting them restyles the whole page);
// reading the page waits until it is parsed.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  // WXT's content-script context is not used (see src/extension/page/lifetime.ts); this stops it announcing
  // the extension's id to the page in a window message.
  noScriptStartedPostMessage: true,
  main() {
    runParallax().catch((error: unknown) => console.warn('[Parallax] could not start:', error));
  },
});
