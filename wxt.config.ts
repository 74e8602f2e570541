import { defineConfig } from 'wxt';
import { writeBundledPackList } from './src/build/bundled-pack-list';
import { writeClaimIndex, writeClaimVectorsApart } from './src/build/claim-index-file';
import { manifestIcons, renderIcons } from './src/build/extension-icons';
import { noCodeLoading } from './src/build/no-code-loading';
import { modelFilesToShip } from './src/build/ship-model';

// `npm run dev` opens a browser with the extension loaded; a machine with no display (a server, CI)
// has none to open, so there it only builds and watches, and WXT says which folder to load.
// A developer's own web-ext.config.ts can override this (WXT reads it).
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
// Chromium refuses to start as root (a container, a CI box) unless its sandbox is turned off.
const asRoot = process.getuid?.() === 0;

// The build for the end-to-end tests and meaning:bench:browser (npm run build:test) carries test
// hooks on the worker's globalThis (src/extension/background/test-hooks.ts) and goes to a folder of
// its own; every other build (npm run build, zip, dev) leaves them out.
const testHooks = process.env.PARALLAX_TEST_HOOKS === '1';

// Chrome MV3 and Firefox MV3 (`-b firefox`, where WXT turns the background into an event page;
// WXT's default for Firefox would be MV2); `browser` is webextension-polyfill through the WXT module.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  outDir: testHooks ? '.output/with-test-hooks' : '.output',
  webExt: { disabled: noDisplay, chromiumArgs: asRoot ? ['--no-sandbox'] : [] },
  // ONNX Runtime Web ships a helper that imports code from a URL; the extension never uses it and
  // must not contain it (no remote code): the build replaces it with one that refuses.
  vite: () => ({
    plugins: [noCodeLoading()],
    define: { 'import.meta.env.PARALLAX_TEST_HOOKS': JSON.stringify(testHooks) },
  }),
  manifest: ({ browser }) => ({
    name: 'Parallax',
    description: 'See how other outlets reported the facts in the news article you are reading.',
    // Alarms: the pack lists' scheduled updates. No host is reachable at install: a list's site is
    // asked for when the reader subscribes to it (optional_host_permissions), and given back after.
    permissions: ['storage', 'alarms'],
    optional_host_permissions: ['https://*/*'],
    icons: manifestIcons(),
    action: {
      default_icon: manifestIcons(),
      default_title: 'Parallax',
      // Firefox: on the toolbar from the start, not in the extensions menu, so the badge shows.
      ...(browser === 'firefox' && { default_area: 'navbar' }),
    },
    // The sentence encoder runs on WebAssembly; nothing else is allowed beyond the extension's own scripts.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    // Keyboard: move to the next / previous highlighted passage and open its tooltip.
    commands: {
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+J', mac: 'Alt+Shift+J' },
        description: 'Go to the next highlighted passage and show how other outlets reported it',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+K', mac: 'Alt+Shift+K' },
        description: 'Go to the previous highlighted passage',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          // Permanent once published on addons.mozilla.org; storage.sync also needs a fixed id.
          id: 'parallax@parallax-news',
          // 140: the first Firefox with the CSS Custom Highlight API and data_collection_permissions.
          strict_min_version: '140.0',
          // Nothing leaves the browser.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  // The Firefox sources zip (for addons.mozilla.org review) holds what a reviewer builds from:
  // not the files a build generates, nor the demo's screenshots.
  zip: { excludeSources: ['assets/generated/**', 'demo-screenshots/**', 'coverage/**'] },
  // Everything generated is generated here, so `wxt`, `wxt build`, `wxt zip` and `-b firefox`
  // all work on a fresh clone: the bundled packs' list and the claim index (imported by the
  // extension) and the icons.
  hooks: {
    'build:before': (wxt) => {
      wxt.logger.info(writeBundledPackList());
      wxt.logger.info(writeClaimIndex());
      // The claims' sentence vectors, when the model is installed (skipped when unchanged).
      const vectors = writeClaimVectorsApart();
      if (vectors.ok) wxt.logger.info(vectors.message);
      else wxt.logger.warn(`claim vectors not written (${vectors.message}); building with word matching only`);
    },
    // The icons, and the sentence model (provisioned at npm install, git-ignored) with ORT's .wasm
    // as the extension's own files under model/. Without the model it matches by words alone.
    'build:publicAssets': (_wxt, files) => {
      files.push(...renderIcons());
      const ship = modelFilesToShip();
      if (ship.missing !== null) {
        console.warn(
          `\n[Parallax] sentence model not installed (${ship.missing}): building with word matching only. Run npm run model:provision.\n`,
        );
      }
      files.push(...ship.files);
    },
  },
});
