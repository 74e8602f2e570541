// The curator's commands, run as a curator would: list:key makes a key (never overwriting one),
// list:build makes a folder a subscriber's Parallax accepts (the same checks run here), refuses a
// pack that fails claims:check, and never puts the private key in what it publishes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIndex } from '../../../src/core/lists/list-update';
import { nodeVerify } from '../../../src/tools/pack-list/list-keys';
import { runScript } from './run-script';

const FERRY = 'tests/fixtures/stories/northern-lark-ferry-fire-2025';
const ADDRESS = 'https://lists.example.org/world/list.json';

/** Every file under a folder, by path inside it. */
function filesIn(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? filesIn(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`],
  );
}

describe('npm run list:key and list:build', { timeout: 60_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'parallax-list-build-'));
  const key = join(work, 'curator.pem');
  const out = join(work, 'site');

  it('list:key writes a private key only its owner can read, prints the public key, and never overwrites a key', async () => {
    const made = await runScript('list-key.ts', '--out', key);
    expect(made.status).toBe(0);
    expect(readFileSync(key, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(made.stdout).toMatch(/Public key \(.*\): [A-Za-z0-9+/]{43}=$/m);
    const again = await runScript('list-key.ts', '--out', key);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists; Parallax never overwrites a key');
  });

  it('list:build writes the index, its signature and the packs byte for byte, as a subscriber’s Parallax accepts them', async () => {
    const run = await runScript(
      'list-build.ts',
      `${FERRY}/pack.json`,
      '--key',
      key,
      '--out',
      out,
      '--seeds',
      `${FERRY}/articles`,
      '--title',
      'World stories',
      '--publisher',
      'The Example Desk',
      '--home-page',
      'https://lists.example.org/world/',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(filesIn(out).sort()).toEqual([
      'list.json',
      'list.json.sig',
      'packs/northern-lark-ferry-fire-2025-0.1.0.json',
    ]);
    expect(readFileSync(join(out, 'packs/northern-lark-ferry-fire-2025-0.1.0.json'))).toEqual(
      readFileSync(`${FERRY}/pack.json`),
    );
    const bytes = new Uint8Array(readFileSync(join(out, 'list.json')));
    const checked = await checkIndex({
      address: ADDRESS,
      bytes,
      text: Buffer.from(bytes).toString('utf8'),
      signatureText: readFileSync(join(out, 'list.json.sig'), 'utf8'),
      subscription: null,
      verify: nodeVerify,
    });
    expect(checked.ok && checked.list).toMatchObject({
      title: 'World stories',
      publisher: 'The Example Desk',
      packs: [
        { id: 'northern-lark-ferry-fire-2025', version: '0.1.0', size: readFileSync(`${FERRY}/pack.json`).length },
      ],
    });
    // The private key is nowhere in what is published.
    const secret = readFileSync(key, 'utf8').split('\n')[1]!;
    for (const file of filesIn(out)) expect(readFileSync(join(out, file), 'utf8')).not.toContain(secret);
  });

  it('list:build keeps the list’s title, publisher and home page from the index already there, and makes a later index', async () => {
    const before = JSON.parse(readFileSync(join(out, 'list.json'), 'utf8')) as { published: string };
    const run = await runScript(
      'list-build.ts',
      `${FERRY}/pack.json`,
      '--key',
      key,
      '--out',
      out,
      '--seeds',
      `${FERRY}/articles`,
    );
    expect(run.status).toBe(0);
    const after = JSON.parse(readFileSync(join(out, 'list.json'), 'utf8')) as { title: string; published: string };
    expect(after.title).toBe('World stories');
    expect(Date.parse(after.published)).toBeGreaterThan(Date.parse(before.published));
  });

  it('list:build refuses a pack that fails claims:check, and writes nothing', async () => {
    const pack = JSON.parse(readFileSync(`${FERRY}/pack.json`, 'utf8'));
    pack.claims[5].reports[1].values[0].text = 'a time nobody wrote';
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify(pack));
    const fresh = join(work, 'fresh');
    const run = await runScript(
      'list-build.ts',
      bad,
      '--key',
      key,
      '--out',
      fresh,
      '--seeds',
      `${FERRY}/articles`,
      '--title',
      'T',
      '--publisher',
      'P',
      '--home-page',
      'https://p.example/',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('bad.json fails claims:check (1 problem), so no list was made');
    expect(run.stderr).toContain(
      'claim "alarm-time", report 1 (article daily-beacon-2025-03-15), values[0].text: "a time nobody wrote" is not in the quote',
    );
    expect(existsSync(fresh)).toBe(false);
    // Quotes are checked too: without the story's articles, its quotes cannot be found.
    const unseeded = await runScript(
      'list-build.ts',
      `${FERRY}/pack.json`,
      '--key',
      key,
      '--out',
      fresh,
      '--title',
      'T',
      '--publisher',
      'P',
      '--home-page',
      'https://p.example/',
    );
    expect(unseeded.status).toBe(1);
    expect(unseeded.stderr).toMatch(/fails claims:check .*\n.*no article text/);
  });

  it('list:build refuses a private key inside the folder it publishes, and says what a new list needs', async () => {
    const inside = await runScript(
      'list-build.ts',
      `${FERRY}/pack.json`,
      '--key',
      key,
      '--out',
      work,
      '--seeds',
      `${FERRY}/articles`,
    );
    expect(inside.status).toBe(1);
    expect(inside.stderr).toContain(
      `the private key ${key} is inside ${work}, the folder you publish: keep it elsewhere`,
    );
    const bare = await runScript('list-build.ts', `${FERRY}/pack.json`, '--key', key, '--out', join(work, 'new'));
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('--title, --publisher, --home-page required for a new list');
  });
});
