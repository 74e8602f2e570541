import { defineConfig } from 'wxt';

// Chrome MV3 is the target browser; `browser` is webextension-polyfill through the WXT module.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Parallax',
    description: 'See how other outlets reported the facts in the news article you are reading.',
    permissions: ['storage'],
  },
});
