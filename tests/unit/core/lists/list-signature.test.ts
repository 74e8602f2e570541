// Signatures with real Ed25519 keys: an index is used only when signed by the key it names, that
// key being the one trusted; a pack only when it is the file the index describes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkListSignature,
  fromBase64,
  packFileProblem,
  toBase64,
  type Ed25519Verify,
} from '../../../../src/core/lists/list-signature';
import { nodeVerify } from '../../../../src/tools/pack-list/list-keys';
import { newKey, signed } from './signed-list';

const curator = newKey();
const other = newKey();
const index = { format: 'parallax-pack-list', title: 'World stories' };

/** WebCrypto's Ed25519, as the extension uses it (Node 20 has it too). */
const webCryptoVerify: Ed25519Verify = async (publicKey, signature, message) => {
  const key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
};

describe('checkListSignature', () => {
  for (const [name, verify] of [
    ['node:crypto', nodeVerify],
    ['WebCrypto', webCryptoVerify],
  ] as const) {
    it(`accepts the curator’s signature of the exact bytes, and nothing else (${name})`, async () => {
      const file = signed(index, curator);
      const check = (
        bytes: Uint8Array<ArrayBuffer>,
        signatureText = file.signatureText,
        indexKey = curator.publicKey,
        trustedKey: string | null = null,
      ) => checkListSignature({ index: bytes, signatureText, indexKey, trustedKey, verify });
      expect(await check(file.bytes)).toEqual({ ok: true });
      expect(await check(file.bytes, file.signatureText, curator.publicKey, curator.publicKey)).toEqual({ ok: true });
      // One byte changed (a space added), or another key's signature: refused.
      const tampered = new Uint8Array([...file.bytes.slice(0, 10), 32, ...file.bytes.slice(10)]);
      const bad = await check(tampered);
      expect(bad).toMatchObject({
        ok: false,
        keyChanged: false,
        error: expect.stringMatching(/^its signature does not match/),
      });
      expect(await check(file.bytes, signed(index, other).signatureText)).toMatchObject({
        ok: false,
        keyChanged: false,
      });
      // The index names a key that did not sign it.
      expect(await check(file.bytes, file.signatureText, other.publicKey)).toMatchObject({
        ok: false,
        keyChanged: false,
      });
    });
  }

  it('says the key changed when a sound index is signed by another key than the trusted one', async () => {
    const file = signed(index, other);
    const check = await checkListSignature({
      index: file.bytes,
      signatureText: file.signatureText,
      indexKey: other.publicKey,
      trustedKey: curator.publicKey,
      verify: nodeVerify,
    });
    expect(check).toEqual({
      ok: false,
      keyChanged: true,
      newKey: other.publicKey,
      error: expect.stringMatching(/another key than the one you subscribed with/),
    });
  });

  it('refuses a signature file that holds no signature', async () => {
    const file = signed(index, curator);
    for (const signatureText of ['<html>Not found</html>', '', toBase64(new Uint8Array(32))]) {
      expect(
        await checkListSignature({
          index: file.bytes,
          signatureText,
          indexKey: curator.publicKey,
          trustedKey: null,
          verify: nodeVerify,
        }),
      ).toEqual({
        ok: false,
        keyChanged: false,
        error: 'its signature file does not hold an Ed25519 signature (64 bytes in base64)',
      });
    }
  });

  it('base64 round trip', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64('not base64!')).toBeNull();
  });
});

describe('packFileProblem', () => {
  const text = Buffer.from('{"format":"parallax-pack"}');
  const digest = new Uint8Array(createHash('sha256').update(text).digest());
  const expected = { size: text.length, sha256: createHash('sha256').update(text).digest('hex') };

  it('accepts the file the index describes', () => {
    expect(packFileProblem(expected, { size: text.length, digest })).toBeNull();
  });

  it('refuses another size or another SHA-256', () => {
    expect(packFileProblem(expected, { size: text.length + 1, digest })).toMatch(
      /^it is 27 bytes, not the 26 the list says/,
    );
    const other = new Uint8Array(createHash('sha256').update('{}').digest());
    expect(packFileProblem(expected, { size: text.length, digest: other })).toMatch(
      /^its SHA-256 is not the one the list says/,
    );
  });
});
