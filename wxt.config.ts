import { defineConfig } from 'wxt';
import { writeClaimIndex } from './scripts/lib/claim-index-file';

// Chrome MV3 is the target browser; `browser` is webextension-polyfill through the WXT module.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Parallax',
    description: 'See how other outlets reported the facts in the news article you are reading.',
    permissions: ['storage'],
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
  // The background imports the claim index; building it here means `wxt`, `wxt build` and
  // `wxt zip` (any browser) all work on a fresh clone, not only `npm run build`.
  hooks: {
    'build:before': (wxt) => {
      wxt.logger.info(writeClaimIndex());
    },
  },
});
