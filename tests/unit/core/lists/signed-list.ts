// Pack lists made in memory for the tests: real Ed25519 keys (node:crypto), an index describing
// the given pack files as list:build would, and its signature.
import { createHash } from 'node:crypto';
import { LIST_FORMAT, type PackList } from '../../../../src/core/lists/list-schema';
import { generateListKey, readListKey, signIndex, type ListKey } from '../../../../src/tools/pack-list/list-keys';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LIST_ADDRESS = 'https://lists.example.org/world/list.json';

/** A fresh key pair, as list:key makes one. */
export function newKey(): ListKey {
  const file = join(mkdtempSync(join(tmpdir(), 'parallax-list-key-')), 'key.pem');
  writeFileSync(file, generateListKey().privatePem);
  return readListKey(file);
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The index entry of a pack file published at packs/<id>-<version>.json. */
export function entryOf(text: string): PackList['packs'][number] {
  const pack = JSON.parse(text) as { id: string; version: string; story: { title: string } };
  return {
    id: pack.id,
    title: pack.story.title,
    version: pack.version,
    size: Buffer.byteLength(text),
    sha256: sha256(text),
    address: `packs/${pack.id}-${pack.version}.json`,
  };
}

export function indexOf(key: ListKey, packTexts: readonly string[], extra: Partial<PackList> = {}): PackList {
  return {
    format: LIST_FORMAT,
    formatVersion: 1,
    title: 'World stories',
    publisher: 'The Example Desk',
    homePage: 'https://lists.example.org/world/',
    publicKey: key.publicKey,
    published: '2025-04-01T10:00:00.000Z',
    packs: packTexts.map(entryOf),
    ...extra,
  };
}

/** An index as fetched: its bytes, its text and its signature file's text. */
export function signed(
  index: unknown,
  key: ListKey,
): { bytes: Uint8Array<ArrayBuffer>; text: string; signatureText: string } {
  const text = `${JSON.stringify(index, null, 2)}\n`;
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
  return { bytes, text, signatureText: signIndex(bytes, key.privateKey) };
}
