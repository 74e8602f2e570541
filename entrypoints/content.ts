import { runParallax } from '../src/page/parallax-page';

// Runs on every http(s) page; all the work is in src/page/. document_end: the DOM is parsed, so
// highlights can be drawn before images and other subresources finish loading.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_end',
  main(ctx) {
    runParallax(ctx).catch((error: unknown) => console.warn('[Parallax] could not start:', error));
  },
});
