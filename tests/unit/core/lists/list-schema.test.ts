// The index of a pack list: what is accepted, and how each problem is named (field, and the pack
// by its id), so a curator can fix it and a reader can pass it on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIST_LIMITS, parsePackList, updateHoursOf } from '../../../../src/core/lists/list-schema';
import { indexOf, LIST_ADDRESS, newKey } from './signed-list';

const ferry = readFileSync('tests/fixtures/stories/northern-lark-ferry-fire-2025/pack.json', 'utf8');
const key = newKey();
const read = (index: unknown) => parsePackList(JSON.stringify(index), LIST_ADDRESS);
const problems = (index: unknown) => {
  const result = read(index);
  return result.ok ? [] : result.problems;
};

describe('parsePackList', () => {
  it('reads a sound index; a list that names no interval is updated daily', () => {
    const result = read(indexOf(key, [ferry]));
    expect(result.ok).toBe(true);
    expect(result.ok && result.list.packs.map((p) => [p.id, p.version])).toEqual([
      ['northern-lark-ferry-fire-2025', '0.1.0'],
    ]);
    expect(result.ok && updateHoursOf(result.list)).toBe(24);
    expect(updateHoursOf({ updateHours: 168 })).toBe(168);
  });

  it('refuses a file that is not a list, once, for what it is not', () => {
    expect(parsePackList('<html>', LIST_ADDRESS)).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^not JSON/)],
    });
    expect(problems(JSON.parse(ferry))).toEqual([
      'not a Parallax pack list: its "format" must be "parallax-pack-list"',
    ]);
  });

  it('never updates more often than hourly', () => {
    expect(problems(indexOf(key, [ferry], { updateHours: 0.5 }))).toEqual([
      'updateHours: must be a whole number of hours',
    ]);
    expect(problems(indexOf(key, [ferry], { updateHours: 0 }))).toEqual([
      'updateHours: must be at least 1: Parallax checks a list at most once an hour',
    ]);
    expect(problems(indexOf(key, [ferry], { updateHours: 1 }))).toEqual([]);
  });

  it('names the pack and field of each problem', () => {
    const index = indexOf(key, [ferry]);
    const entry = index.packs[0]!;
    const twin = { ...entry, sha256: 'ABC' };
    expect(problems({ ...index, title: '', packs: [entry, twin] })).toEqual([
      'title: must not be empty',
      'pack "northern-lark-ferry-fire-2025", sha256: must be a SHA-256 written as 64 lower-case hexadecimal digits',
      'pack "northern-lark-ferry-fire-2025", id: another pack of the list has the id "northern-lark-ferry-fire-2025"',
    ]);
    const { publisher: _publisher, ...noPublisher } = index;
    expect(problems({ ...noPublisher, extra: 1 })).toEqual([
      'publisher: missing',
      '(the whole list): unknown field "extra"',
    ]);
    expect(problems({ ...index, publicKey: 'not a key' })).toEqual([
      'publicKey: must be an Ed25519 public key: 32 bytes in base64 (44 characters)',
    ]);
    expect(problems({ ...index, published: 'yesterday' })).toEqual([
      'published: must be a date and time such as 2025-03-20T10:00:00Z',
    ]);
  });

  it('keeps every pack on the list’s own site, over https, and a home page a link may point at', () => {
    const index = indexOf(key, [ferry]);
    const at = (address: string) => problems({ ...index, packs: [{ ...index.packs[0]!, address }] });
    expect(at('packs/x.json')).toEqual([]);
    expect(at('/elsewhere/x.json')).toEqual([]);
    expect(at('https://lists.example.org/x.json')).toEqual([]);
    expect(at('https://cdn.example.net/x.json')).toEqual([
      'pack "northern-lark-ferry-fire-2025", address: must be on the list’s own site (https://lists.example.org), where the reader allowed Parallax to go; it is https://cdn.example.net',
    ]);
    expect(at('http://lists.example.org/x.json')[0]).toMatch(/must be on the list’s own site/);
    expect(problems({ ...index, homePage: 'javascript:alert(1)' })).toEqual([
      'homePage: must be an https:// or http:// address, not javascript:',
    ]);
  });

  it('bounds the list: packs in it, each pack’s size, their total', () => {
    const index = indexOf(key, [ferry]);
    const entry = index.packs[0]!;
    const many = Array.from({ length: LIST_LIMITS.packs + 1 }, (_, i) => ({ ...entry, id: `story-${i}`, size: 10 }));
    expect(problems({ ...index, packs: many })).toEqual([`packs: a list may hold at most ${LIST_LIMITS.packs} packs`]);
    expect(problems({ ...index, packs: [{ ...entry, size: 6 * 1024 * 1024 }] })).toEqual([
      'pack "northern-lark-ferry-fire-2025", size: must be at most 5242880 bytes (5 MB)',
    ]);
    const heavy = Array.from({ length: 2 }, (_, i) => ({ ...entry, id: `story-${i}`, size: 5 * 1024 * 1024 }));
    expect(problems({ ...index, packs: heavy })).toEqual([
      'packs: its packs weigh 10485760 bytes together, more than a list may (8 MB)',
    ]);
  });
});
