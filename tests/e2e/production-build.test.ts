// What ships carries no test hooks: the production builds (npm run build and build:firefox, what
// npm run zip packs) have neither parallaxRunCommand nor the meaning probe on the worker's
// globalThis; only the build for the tests (npm run build:test) installs them. And both browsers'
// manifests ask for no site at install: a pack list's site is asked for when the reader subscribes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/node/paths';
import { EXTENSION_PATH, TEST_BUILD_PATH } from '../harness/browser-harness';
import { FIREFOX_EXTENSION_PATH } from '../harness/firefox-harness';

const HOOKS = ['parallaxRunCommand', 'parallaxMeaning'];

/** The build's scripts that name a hook, by file. */
function hooksIn(build: string): Record<string, string[]> {
  if (!existsSync(join(build, 'manifest.json'))) throw new Error(`No build at ${build} (npm run test:e2e builds it).`);
  const found: Record<string, string[]> = {};
  for (const entry of readdirSync(build, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(js|mjs|html)$/.test(entry.name)) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    const named = HOOKS.filter((hook) => text.includes(hook));
    if (named.length > 0) found[join(entry.parentPath, entry.name).slice(ROOT.length + 1)] = named;
  }
  return found;
}

describe('the builds', () => {
  it.each([EXTENSION_PATH, FIREFOX_EXTENSION_PATH])('%s (production) carries no test hooks', (build) => {
    expect(hooksIn(build)).toEqual({});
  });

  it.each([EXTENSION_PATH, FIREFOX_EXTENSION_PATH])(
    '%s asks for storage and alarms, and for no site until a list is subscribed to',
    (build) => {
      const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest.permissions).toEqual(['storage', 'alarms']);
      expect(manifest.host_permissions).toBeUndefined();
      expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
      expect(manifest.optional_permissions).toBeUndefined();
    },
  );

  it('the build for the tests installs both hooks, in its service worker', () => {
    expect(hooksIn(TEST_BUILD_PATH)).toEqual({ '.output/with-test-hooks/chrome-mv3/background.js': HOOKS });
  });
});
