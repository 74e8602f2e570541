// A list's update decided step by step: which index is used, which packs are fetched, how a pack
// id already in use is resolved, and that an update is applied whole or not at all, through the
// same install as a pack file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPack } from '../../../../src/core/database/load';
import {
  EMPTY_PACK_STORE,
  installPackFile,
  mergePacks,
  removeListPacks,
  setPackEnabled,
  type PackStore,
} from '../../../../src/core/database/pack-store';
import type { PackList } from '../../../../src/core/lists/list-schema';
import { applyListUpdate, checkIndex, planListUpdate } from '../../../../src/core/lists/list-update';
import {
  acceptNewKey,
  answerTakeOver,
  withFailure,
  type ListSubscription,
} from '../../../../src/core/lists/subscription';
import { nodeVerify } from '../../../../src/tools/pack-list/list-keys';
import { raqqaPack } from '../database/seed-texts';
import { indexOf, LIST_ADDRESS, newKey, signed } from './signed-list';

const ferryText = readFileSync('tests/fixtures/stories/northern-lark-ferry-fire-2025/pack.json', 'utf8');
const bundled = [readPack(raqqaPack())];
const raqqaText = JSON.stringify(raqqaPack());
const NOW = new Date('2025-04-02T08:00:00Z');
const key = newKey();

/** The ferry pack under another id and title (a second story), at a version. */
function story(id: string, version = '1.0.0', edit: (pack: Record<string, unknown>) => void = () => undefined): string {
  const pack = JSON.parse(ferryText) as Record<string, unknown>;
  Object.assign(pack, { id, version, story: { title: `The ${id} story`, date: '2025-03-14' } });
  edit(pack);
  return JSON.stringify(pack);
}

const A = story('alpha');
const B = story('beta');

/** Subscribes (nothing stored yet) to a list of these packs, as the extension does. */
function subscribe(store: PackStore, texts: string[], extra: Partial<PackList> = {}) {
  const list = indexOf(key, texts, extra);
  const plan = planListUpdate(null, LIST_ADDRESS, list, store, bundled);
  const files = new Map(texts.map((t) => [JSON.parse(t).id as string, t]));
  const applied = applyListUpdate({
    store,
    subscription: null,
    address: LIST_ADDRESS,
    list,
    plan,
    files,
    bundled,
    now: NOW,
  });
  if (!applied.ok) throw new Error(applied.error);
  return { ...applied, plan };
}

/** The next update of the subscription to a list of these packs. */
function update(
  store: PackStore,
  subscription: ListSubscription,
  texts: string[],
  extra: Partial<PackList> = {},
  files?: Map<string, string>,
) {
  const list = indexOf(key, texts, { published: '2025-04-05T10:00:00.000Z', ...extra });
  const plan = planListUpdate(subscription, LIST_ADDRESS, list, store, bundled);
  const given = files ?? new Map(texts.map((t) => [JSON.parse(t).id as string, t]));
  return {
    plan,
    applied: applyListUpdate({
      store,
      subscription,
      address: LIST_ADDRESS,
      list,
      plan,
      files: given,
      bundled,
      now: new Date('2025-04-05T12:00:00Z'),
    }),
  };
}

const ids = (store: PackStore) =>
  store.installed.map((p) => `${p.pack.id}@${p.pack.version}${p.list ? ' (list)' : ''}`);

describe('checkIndex', () => {
  const args = (index: unknown, signer = key, subscription: ListSubscription | null = null) => ({
    address: LIST_ADDRESS,
    ...signed(index, signer),
    subscription,
    verify: nodeVerify,
  });

  it('takes a signed index on subscribing, and an older one never', async () => {
    const index = indexOf(key, [A]);
    const first = await checkIndex(args(index));
    expect(first.ok).toBe(true);
    const { subscription } = subscribe(EMPTY_PACK_STORE, [A]);
    expect((await checkIndex(args(index, key, subscription))).ok).toBe(true);
    const older = await checkIndex(args({ ...index, published: '2025-03-01T00:00:00Z' }, key, subscription));
    expect(older).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^the list on its site \(made 2025-03-01T00:00:00Z\) is older than the one Parallax already has/,
      ),
    });
  });

  it('names a new key, and uses it only once accepted', async () => {
    const { subscription } = subscribe(EMPTY_PACK_STORE, [A]);
    const rotated = newKey();
    const check = await checkIndex(args(indexOf(rotated, [A]), rotated, subscription));
    expect(check).toMatchObject({ ok: false, newKey: rotated.publicKey });
    const waiting = withFailure(subscription, check.ok ? '' : check.error, NOW, { newKey: rotated.publicKey });
    expect(waiting.newKey).toBe(rotated.publicKey);
    expect(waiting.publicKey).toBe(key.publicKey);
    expect((await checkIndex(args(indexOf(rotated, [A]), rotated, acceptNewKey(waiting)))).ok).toBe(true);
  });

  it('says what is wrong with a file that is not a list', async () => {
    const check = await checkIndex({
      address: LIST_ADDRESS,
      bytes: new Uint8Array([60]),
      text: '<html>',
      signatureText: '',
      subscription: null,
      verify: nodeVerify,
    });
    expect(check).toEqual({
      ok: false,
      error: expect.stringMatching(/^it is not a pack list Parallax can read: not JSON/),
    });
  });
});

describe('subscribing', () => {
  it('installs every pack through the pack store, the list recorded as its origin', () => {
    const { store, subscription, outcome, plan } = subscribe(EMPTY_PACK_STORE, [A, B]);
    expect(plan.fetch.map((p) => p.id)).toEqual(['alpha', 'beta']);
    expect(ids(store)).toEqual(['alpha@1.0.0 (list)', 'beta@1.0.0 (list)']);
    expect(store.installed.every((p) => p.list === LIST_ADDRESS)).toBe(true);
    expect(outcome).toEqual({ added: ['The alpha story', 'The beta story'], updated: [], removed: [], asks: 0 });
    expect(subscription).toMatchObject({
      address: LIST_ADDRESS,
      publicKey: key.publicKey,
      title: 'World stories',
      updateHours: 24,
      lastUpdate: NOW.toISOString(),
      nextUpdate: '2025-04-03T08:00:00.000Z',
      lastError: null,
    });
    expect(mergePacks(bundled, store).packs.map((p) => p.pack.id)).toEqual(['raqqa-convoy-2017', 'alpha', 'beta']);
  });

  it('schedules by the list’s own interval', () => {
    expect(subscribe(EMPTY_PACK_STORE, [A], { updateHours: 168 }).subscription.nextUpdate).toBe(
      '2025-04-09T08:00:00.000Z',
    );
  });
});

describe('updating', () => {
  const start = subscribe(EMPTY_PACK_STORE, [A, B]);

  it('fetches nothing when no pack’s version or SHA-256 changed', () => {
    const { plan, applied } = update(start.store, start.subscription, [A, B], {}, new Map());
    expect(plan.fetch).toEqual([]);
    expect(applied.ok && applied.outcome).toEqual({ added: [], updated: [], removed: [], asks: 0 });
    expect(applied.ok && applied.store).toBe(start.store);
    expect(applied.ok && applied.subscription.lastUpdate).toBe('2025-04-05T12:00:00.000Z');
  });

  it('fetches only the packs whose version or SHA-256 changed, and removes those the list dropped', () => {
    const newerA = story('alpha', '1.1.0');
    const correctedB = story(
      'beta',
      '1.0.0',
      (p) => ((p.claims as { summary: string }[])[0]!.summary = 'A corrected summary.'),
    );
    const { plan, applied } = update(start.store, start.subscription, [newerA, correctedB]);
    expect(plan.fetch.map((p) => p.id)).toEqual(['alpha', 'beta']);
    const dropped = update(start.store, start.subscription, [newerA]);
    expect(dropped.plan).toMatchObject({ fetch: [{ id: 'alpha' }], remove: ['beta'] });
    expect(dropped.applied.ok && ids(dropped.applied.store)).toEqual(['alpha@1.1.0 (list)']);
    expect(dropped.applied.ok && dropped.applied.outcome).toEqual({
      added: [],
      updated: [{ title: 'The alpha story', from: '1.0.0', to: '1.1.0' }],
      removed: ['The beta story'],
      asks: 0,
    });
    expect(applied.ok && applied.outcome.updated).toEqual([
      { title: 'The alpha story', from: '1.0.0', to: '1.1.0' },
      { title: 'The beta story', from: '1.0.0', to: '1.0.0' },
    ]);
  });

  it('keeps the reader’s switches through an update', () => {
    const off = setPackEnabled(start.store, 'alpha', false);
    const { applied } = update(off, start.subscription, [story('alpha', '2.0.0'), B]);
    expect(applied.ok && applied.store.disabled).toEqual(['alpha']);
  });

  it('applies nothing when one pack fails the checks or is not the pack the list names', () => {
    const broken = story(
      'alpha',
      '1.1.0',
      (p) =>
        ((p.claims as { reports: { values: { text: string }[] }[] }[])[5]!.reports[1]!.values[0]!.text =
          'a time nobody wrote'),
    );
    const { applied } = update(start.store, start.subscription, [broken, story('beta', '1.1.0')]);
    expect(applied).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^the story pack "alpha" does not pass Parallax’s checks: claim "alarm-time", report 1 .*"a time nobody wrote" is not in the quote$/,
      ),
    });
    const swapped = update(
      start.store,
      start.subscription,
      [story('alpha', '1.1.0'), B],
      {},
      new Map([['alpha', story('alpha', '1.0.9')]]),
    );
    expect(swapped.applied).toEqual({
      ok: false,
      error:
        'the file of the story pack "alpha" holds “The alpha story” (alpha, version 1.0.9), not what the list says (“The alpha story”, version 1.1.0)',
    });
  });
});

describe('a list’s packs meet the same bounds and install checks as a file the reader adds', () => {
  const withHosts = (hosts: string[]) =>
    story('alpha', '1.0.0', (p) => (p.outlets as { hosts: string[] }[])[0]!.hosts.push(...hosts));

  it('refuses a pack whose outlet takes in a bundled outlet’s pages, installing nothing of the list', () => {
    const list = indexOf(key, [withHosts(['straitstimes.com']), B]);
    const plan = planListUpdate(null, LIST_ADDRESS, list, EMPTY_PACK_STORE, bundled);
    const files = new Map([
      ['alpha', withHosts(['straitstimes.com'])],
      ['beta', B],
    ]);
    const applied = applyListUpdate({
      store: EMPTY_PACK_STORE,
      subscription: null,
      address: LIST_ADDRESS,
      list,
      plan,
      files,
      bundled,
      now: NOW,
    });
    expect(applied).toEqual({
      ok: false,
      error:
        'the story pack "alpha" does not pass Parallax’s checks: outlet "northline-news-agency", hosts[1]: "straitstimes.com" belongs to The Straits Times (outlet "straits-times" of the pack "raqqa-convoy-2017"); Northline News Agency, with other hosts, cannot take its pages',
    });
  });

  it('refuses a pack past a bound (an outlet with 21 hosts)', () => {
    const many = withHosts(Array.from({ length: 20 }, (_, i) => `h${i}.example`));
    const list = indexOf(key, [many]);
    const plan = planListUpdate(null, LIST_ADDRESS, list, EMPTY_PACK_STORE, bundled);
    const applied = applyListUpdate({
      store: EMPTY_PACK_STORE,
      subscription: null,
      address: LIST_ADDRESS,
      list,
      plan,
      files: new Map([['alpha', many]]),
      bundled,
      now: NOW,
    });
    expect(applied.ok).toBe(false);
    expect(!applied.ok && applied.error).toMatch(
      /^the story pack "alpha" does not pass Parallax’s checks: outlet "northline-news-agency", hosts: 21 entries/,
    );
  });
});

describe('a pack id already in use', () => {
  it('a bundled pack’s id is never installed; the rest of the list is', () => {
    const { store, subscription } = subscribe(EMPTY_PACK_STORE, [raqqaText, A]);
    expect(ids(store)).toEqual(['alpha@1.0.0 (list)']);
    expect(subscription.packs.map((p) => [p.id, p.state])).toEqual([
      ['raqqa-convoy-2017', 'bundled'],
      ['alpha', 'installed'],
    ]);
  });

  it('another list’s pack stays that list’s', () => {
    const other = installPackFile(EMPTY_PACK_STORE, A, bundled, NOW, 'https://other.example/list.json');
    const { store, subscription } = subscribe(other.ok ? other.store : EMPTY_PACK_STORE, [story('alpha', '9.0.0'), B]);
    expect(ids(store)).toEqual(['alpha@1.0.0 (list)', 'beta@1.0.0 (list)']);
    expect(store.installed[0]!.list).toBe('https://other.example/list.json');
    expect(subscription.packs.map((p) => p.state)).toEqual(['other-list', 'installed']);
  });

  describe('the reader’s own copy (added from a file)', () => {
    const own = installPackFile(EMPTY_PACK_STORE, A, bundled, NOW);
    const mine = own.ok ? own.store : EMPTY_PACK_STORE;

    it('stays when the list’s is not newer', () => {
      const { store, subscription } = subscribe(mine, [A]);
      expect(ids(store)).toEqual(['alpha@1.0.0']);
      expect(subscription.packs[0]!.state).toBe('own');
    });

    it('a newer version asks; kept, the question is not asked again for that version; taken, the list installs it', () => {
      const { store, subscription, outcome } = subscribe(mine, [story('alpha', '1.2.0'), B]);
      expect(ids(store)).toEqual(['alpha@1.0.0', 'beta@1.0.0 (list)']);
      expect(subscription.packs[0]!.state).toBe('asks');
      expect(outcome.asks).toBe(1);

      const kept = answerTakeOver(subscription, 'alpha', false);
      expect(update(store, kept, [story('alpha', '1.2.0'), B]).plan.records[0]!.state).toBe('own');
      expect(update(store, kept, [story('alpha', '1.3.0'), B]).plan.records[0]!.state).toBe('asks');

      const taken = answerTakeOver(subscription, 'alpha', true);
      const { applied } = update(store, taken, [story('alpha', '1.2.0'), B]);
      expect(applied.ok && ids(applied.store)).toEqual(['alpha@1.2.0 (list)', 'beta@1.0.0 (list)']);
      expect(applied.ok && applied.outcome.updated).toEqual([{ title: 'The alpha story', from: '1.0.0', to: '1.2.0' }]);
    });
  });
});

describe('unsubscribing', () => {
  it('removes the list’s packs and their switches; the reader’s own stay', () => {
    const own = installPackFile(EMPTY_PACK_STORE, story('gamma'), bundled, NOW);
    const { store } = subscribe(own.ok ? own.store : EMPTY_PACK_STORE, [A, B]);
    const off = setPackEnabled(setPackEnabled(store, 'alpha', false), 'gamma', false);
    expect(removeListPacks(off, LIST_ADDRESS)).toEqual({
      installed: [expect.objectContaining({ pack: expect.objectContaining({ id: 'gamma' }) })],
      disabled: ['gamma'],
    });
  });
});
