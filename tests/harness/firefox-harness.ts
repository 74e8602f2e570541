// Firefox harness, beside the Chromium one (browser-harness.ts) and sharing its local server:
// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the Firefox build of the
// extension installed as a temporary add-on. Firefox sends every request, HTTP and HTTPS, to the
// local server as its proxy (prefs below), so seed pages open at their outlets' real addresses and
// nothing leaves the machine; the server's test-only certificate is accepted for the session.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from '../../src/node/paths';

export const FIREFOX_EXTENSION_PATH = join(ROOT, '.output/firefox-mv3');
/**
 * The add-on's internal UUID, fixed by a pref so tests can open its pages at a known address
 * (Firefox otherwise picks a random one per profile).
 */
export const FIREFOX_ADDON_UUID = '5c0d9a4e-7a51-4c1b-9f0e-2f1d3a6b8c70';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_ADDON_UUID}`;

/** The add-on id the Firefox build declares (browser_specific_settings.gecko.id, wxt.config.ts). */
export function firefoxAddonId(): string {
  const manifestPath = join(FIREFOX_EXTENSION_PATH, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_PATH}: run npm run build:firefox first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} declares no add-on id (browser_specific_settings.gecko.id)`);
  return id;
}

/** The Firefox binary; missing Firefox is an error, never a reason to skip. */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(`Firefox not found at ${path}. Install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  }
  return path;
}

/** Prefs that route every host through the local server and keep Firefox off the network. */
function proxyPrefs(proxyPort: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1, // manual
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    // Loopback addresses bypass proxies by default; route them through too.
    'network.proxy.allow_hijacking_localhost': true,
    // No DNS over HTTPS, no captive-portal or connectivity probes, no HTTPS-first upgrades.
    'network.trr.mode': 5,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'dom.security.https_first': false,
    'dom.security.https_only_mode': false,
  };
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The id Firefox installed the add-on under (a random one if the manifest declared none). */
  extensionId: string;
  /** Opens one of the extension's pages (e.g. `popup.html?tab=3`) in a new tab, loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Firefox's WebDriver BiDi sends no load events for moz-extension:// documents, so page.goto()
 * would wait forever; start the navigation, then watch the document itself until it has loaded.
 */
async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${FIREFOX_EXTENSION_ORIGIN}/${path}`;
  page.goto(url, { timeout: 0 }).catch(() => undefined); // settles only when the tab closes
  const deadline = Date.now() + 15_000;
  for (;;) {
    const state = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
    if (state === `${url} complete`) return page;
    if (Date.now() > deadline) throw new Error(`${url} did not load within 15 s (last: ${state || 'no document'})`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Starts Firefox ESR and installs the built Firefox extension as a temporary add-on. */
export async function launchFirefox(options: {
  proxyPort: number;
  headless?: boolean;
  /** More prefs (e.g. a shorter idle time for the event page). */
  prefs?: Record<string, unknown>;
}): Promise<FirefoxExtensionBrowser> {
  const addonId = firefoxAddonId();
  const userDataDir = mkdtempSync(join(tmpdir(), 'parallax-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: options.headless ?? true,
    userDataDir,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      ...proxyPrefs(options.proxyPort),
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: FIREFOX_ADDON_UUID }),
      ...options.prefs,
    },
    // WebDriver BiDi refuses to open moz-extension:// pages (the popup) without this flag.
    args: ['--remote-allow-system-access'],
    timeout: 60_000,
  });
  try {
    const extensionId = await browser.installExtension(FIREFOX_EXTENSION_PATH);
    return {
      browser,
      extensionId,
      openExtensionPage: (path) => openExtensionPage(browser, path),
      async close() {
        // As with Chromium: never let a browser that does not answer hold a suite open.
        const closed = await Promise.race([
          browser.close().then(() => true),
          new Promise<false>((done) => setTimeout(() => done(false), 15_000)),
        ]);
        if (!closed) {
          console.warn('[harness] Firefox did not close in 15 s; killing it');
          browser.process()?.kill('SIGKILL');
        }
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The tooltip lives in a closed shadow root, out of the page's reach. WebDriver BiDi serialises a
 * host with its shadow root whatever its mode, so the test driver (never the page) can hand that
 * root to a function run in the page: Firefox's counterpart of TooltipProbe in extension-page.ts.
 */
export class FirefoxTooltipProbe {
  constructor(private readonly page: Page) {}

  /** Runs `fn(shadowRoot, arg)` in the page against the tooltip's shadow root; null when there is none. */
  async evaluate<R, A = undefined>(fn: (root: ShadowRoot, arg: A) => R, arg?: A): Promise<R | null> {
    // puppeteer-core exposes no public way to send a raw BiDi command; these two internals are it.
    const connection = (this.page.browser() as unknown as { connection: BidiConnection }).connection;
    const context = (this.page.mainFrame() as unknown as { _id: string })._id;
    const host = await connection.send('script.evaluate', {
      expression: "document.querySelector('parallax-ui')",
      target: { context },
      awaitPromise: false,
      serializationOptions: { maxDomDepth: 0 },
    });
    const shadow = host.result.type === 'success' ? host.result.result.value?.shadowRoot : undefined;
    if (!shadow) return null;
    const call = await connection.send('script.callFunction', {
      functionDeclaration: `(root, json) => (${fn.toString()})(root, json === undefined ? undefined : JSON.parse(json))`,
      arguments: [
        { sharedId: shadow.sharedId },
        arg === undefined ? { type: 'undefined' } : { type: 'string', value: JSON.stringify(arg) },
      ],
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (call.result.type !== 'success')
      throw new Error(`In the tooltip: ${call.result.exceptionDetails?.text ?? 'an error'}`);
    return deserialize(call.result.result) as R;
  }

  async isOpen(): Promise<boolean> {
    return (await this.evaluate((root) => root.querySelector('[role="dialog"]') !== null)) ?? false;
  }
}

interface BidiConnection {
  // Results are BiDi remote values; only the fields read above are typed.
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}
type BidiResult =
  | { type: 'success'; result: BidiValue & { value?: { shadowRoot?: { sharedId: string } } } }
  | { type: 'exception'; exceptionDetails?: { text?: string } };
type BidiValue = { type: string; value?: unknown };

/** A BiDi remote value (primitives, arrays, objects) back to plain JSON. */
function deserialize(remote: BidiValue): unknown {
  switch (remote.type) {
    case 'undefined':
    case 'null':
      return null;
    case 'array':
      return (remote.value as BidiValue[]).map(deserialize);
    case 'object':
      return Object.fromEntries((remote.value as [string, BidiValue][]).map(([k, v]) => [k, deserialize(v)]));
    default:
      return remote.value;
  }
}
