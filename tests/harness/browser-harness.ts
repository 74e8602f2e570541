// Browser harness, shared by the end-to-end tests, the demo and bench:browser: Debian's Chromium
// with the built extension loaded, and a local server that answers for every host. Chromium is
// pointed at the server as its proxy, so a page can be opened at its real outlet address
// (https://www.straitstimes.com/...) and the extension sees the real host, while no request can
// leave the machine. HTTPS tunnels (CONNECT) are terminated here with a test-only self-signed
// certificate, because Chromium forces HTTPS on HSTS-preloaded news hosts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { FIXTURES_DIR, ROOT } from '../../src/node/paths';

/** The production build (npm run build): what ships. */
export const EXTENSION_PATH = join(ROOT, '.output/chrome-mv3');
/** The build with the test hooks on the worker's globalThis (npm run build:test; wxt.config.ts). */
export const TEST_BUILD_PATH = join(ROOT, '.output/with-test-hooks/chrome-mv3');

/** The Chromium binary; missing Chromium is an error, never a reason to skip. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it (apt-get install -y chromium) or set CHROME_PATH.`);
  }
  return path;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  port: number;
  /** Every request the server answered, as absolute URLs. */
  requests: string[];
  /** Serve a fixed body at a path on every host (tests add pages written on the fly). */
  route(path: string, handler: RouteHandler | string): void;
  close(): Promise<void>;
}

/**
 * Serves files under tests/fixtures at the same path on any host: /pages/x.html is
 * tests/fixtures/pages/x.html whether it is asked for as http://www.straitstimes.com/pages/x.html
 * or http://news.example/pages/x.html.
 */
export async function startServer(root = FIXTURES_DIR): Promise<TestServer> {
  const requests: string[] = [];
  const routes = new Map<string, RouteHandler>();
  const handle = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    // As a proxy the request line holds the absolute URL; inside a tunnel, only the path.
    const url = new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'localhost'}`);
    requests.push(url.href);
    const handler = routes.get(url.pathname);
    if (handler) return handler(req, res);
    // Every page asks for a favicon; a 404 would show up as a console error in the browser.
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root) || !existsSync(file) || !extname(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  };
  const server = createServer(handle('http'));
  const tls = createTlsServer(
    {
      key: readFileSync(join(FIXTURES_DIR, 'tls/test-only.key')),
      cert: readFileSync(join(FIXTURES_DIR, 'tls/test-only.crt')),
    },
    handle('https'),
  );
  // Tunnelled sockets leave the HTTP server's bookkeeping, so they are tracked here and destroyed
  // on close; otherwise a keep-alive tunnel could hold close() open.
  const sockets = new Set<Duplex>();
  server.on('connection', (socket: Duplex) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('connect', (_req, socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tls.emit('connection', socket);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    route(path, handler) {
      routes.set(
        path,
        typeof handler === 'string'
          ? (_req, res) => res.writeHead(200, { 'content-type': CONTENT_TYPES['.html']! }).end(handler)
          : handler,
      );
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
        tls.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  /** Closes the browser; removes the profile unless it was passed in (to test a restart). */
  close(): Promise<void>;
}

/** Starts Chromium with the built extension in a persistent profile. */
export async function launchBrowser(options: {
  proxyPort: number;
  userDataDir?: string;
  headless?: boolean;
  /** Another build of the extension (bench:hostile compares the code before a change with after). */
  extensionPath?: string;
  /** The build with the test hooks (parallaxRunCommand, the meaning probe) instead of the production one. */
  testHooks?: boolean;
}): Promise<ExtensionBrowser> {
  const extensionPath = options.extensionPath ?? (options.testHooks ? TEST_BUILD_PATH : EXTENSION_PATH);
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${extensionPath}: run npm run ${options.testHooks ? 'build:test' : 'build'} first.`,
    );
  }
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'parallax-profile-'));
  const context = await launchContext(userDataDir, options, [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
  ]);
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    close: () => closeContext(context, userDataDir, ownProfile),
  };
}

/** The same browser with no extension at all: what a page costs on its own (bench baselines). */
export async function launchBrowserWithoutExtension(options: {
  proxyPort: number;
  headless?: boolean;
}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'parallax-plain-profile-'));
  const context = await launchContext(userDataDir, options, []);
  return { context, close: () => closeContext(context, userDataDir, true) };
}

function launchContext(
  userDataDir: string,
  options: { proxyPort: number; headless?: boolean },
  extensionArgs: string[],
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
    args: [
      ...extensionArgs,
      `--proxy-server=http://127.0.0.1:${options.proxyPort}`,
      // Loopback addresses bypass proxies by default; route them through too.
      '--proxy-bypass-list=<-loopback>',
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,OptimizationHints,MediaRouter',
      '--disable-default-apps',
    ],
  });
}

async function closeContext(context: BrowserContext, userDataDir: string, ownProfile: boolean): Promise<void> {
  // Rarely, on a loaded machine, Chromium does not answer the close request; after a grace
  // period end its processes (found by this profile's directory) so a suite never hangs.
  const closed = await Promise.race([
    context.close().then(() => true),
    new Promise<false>((done) => setTimeout(() => done(false), 15_000)),
  ]);
  if (!closed) {
    console.warn('[harness] Chromium did not close in 15 s; killing its processes');
    spawnSync('pkill', ['-9', '-f', `--user-data-dir=${userDataDir}`]);
  }
  if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
}

/**
 * Lets the extension reach the sites matching `pattern`, as the reader does when Chromium asks
 * (a pack list's site): through the extensions page, since headless Chromium draws no prompt. The
 * extension's own request for the same site is then granted without one.
 */
export async function allowSite(browser: ExtensionBrowser, pattern: string): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${browser.extensionId}`);
    await page.evaluate(
      ([id, host]) =>
        (
          chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }
        ).developerPrivate.addHostPermission(id, host),
      [browser.extensionId, pattern] as const,
    );
  } finally {
    await page.close();
  }
}

/** Resident memory (MB) of Chromium's extension process for this profile (where the worker runs). */
export function extensionProcessMB(browser: ExtensionBrowser): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--extension-process') || !cmd.includes(browser.userDataDir)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) total += Number(rss[1]) / 1024;
    } catch {
      // The process ended while being read.
    }
  }
  return total;
}
