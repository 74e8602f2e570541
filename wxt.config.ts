import { defineConfig } from 'wxt';
import { modelFilesToShip } from './scripts/model/ship-model';

// Chrome MV3 is the target browser; `browser` is webextension-polyfill through the WXT module.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Parallax',
    description: 'See how other outlets reported the facts in the news article you are reading.',
    permissions: ['storage'],
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
  },
  hooks: {
    // The sentence model (provisioned at npm install, git-ignored) and ORT's .wasm ship as the
    // extension's own files under model/. Without them the extension matches by words alone.
    'build:publicAssets': (_wxt, files) => {
      const ship = modelFilesToShip();
      if (ship.missing !== null) {
        console.warn(`\n[Parallax] sentence model not installed (${ship.missing}): building with word matching only. Run npm run model:provision.\n`);
      }
      files.push(...ship.files);
    },
  },
});
