// Hooks on the worker's globalThis for the end-to-end tests and npm run meaning:bench:browser, in
// the build made for them only (npm run build:test: PARALLAX_TEST_HOOKS=1, read by wxt.config.ts;
// `npm run build` and `zip` leave this module out). No page can reach a worker's globals, but they
// are not the product.
import type { MeaningService } from '../meaning/meaning-service';
import { installMeaningProbe } from '../meaning/probe';
import { relayCommand } from './commands';

declare global {
  interface ImportMetaEnv {
    /** Whether this build carries the test hooks (wxt.config.ts). */
    readonly PARALLAX_TEST_HOOKS: boolean;
  }
}

export function installTestHooks(meaning: MeaningService, scope: object = globalThis): void {
  // Run a command as if its shortcut had been pressed (synthetic key presses cannot reach the
  // browser's shortcut handler in headless Chromium).
  (scope as { parallaxRunCommand?: typeof relayCommand }).parallaxRunCommand = relayCommand;
  // The meaning service, loaded and timed on demand.
  installMeaningProbe(meaning, scope);
}
