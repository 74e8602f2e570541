// Subscriptions as read back from storage: damaged entries left out, damaged fields made safe.
import { describe, expect, it } from 'vitest';
import { parseSubscriptions } from '../../../../src/extension/packs/stored-lists';

const KEY = 'J2/nE/pn5A8hFaQ08sg4/jFpLaD35lQ158XPJVgn/is=';
const sound = {
  address: 'https://lists.example.org/list.json',
  subscribedAt: '2025-04-01T10:00:00.000Z',
  publicKey: KEY,
  title: 'World stories',
  publisher: 'The Example Desk',
  homePage: 'https://lists.example.org/',
  updateHours: 24,
  published: '2025-04-01T09:00:00.000Z',
  packs: [{ id: 'alpha', title: 'The alpha story', version: '1.0.0', size: 10, sha256: 'ab', state: 'installed' }],
  lastUpdate: '2025-04-01T10:00:00.000Z',
  nextUpdate: '2025-04-02T10:00:00.000Z',
  lastError: null,
  newKey: null,
  takeOver: [],
  keepOwn: [],
};

describe('parseSubscriptions', () => {
  it('reads sound entries back as they were', () => {
    expect(parseSubscriptions([sound])).toEqual([sound]);
  });

  it('leaves out what cannot be a subscription, and the second entry of an address', () => {
    expect(parseSubscriptions('not a list')).toEqual([]);
    expect(
      parseSubscriptions([
        { ...sound, address: 'http://lists.example.org/list.json' },
        { ...sound, publicKey: 'nope' },
        7,
        null,
      ]),
    ).toEqual([]);
    expect(parseSubscriptions([sound, { ...sound, title: 'Twin' }]).map((l) => l.title)).toEqual(['World stories']);
  });

  it('makes a damaged field safe: a damaged next update is due now, so the list is fetched and rewritten', () => {
    const [read] = parseSubscriptions([{ ...sound, nextUpdate: 'soon', updateHours: 0, packs: 'x', lastError: 5 }]);
    expect(read).toMatchObject({ nextUpdate: '1970-01-01T00:00:00.000Z', updateHours: 24, packs: [], lastError: null });
  });
});
