// The browser's own cryptography for pack lists (WebCrypto): Ed25519 to check an index's
// signature, SHA-256 to check a pack. Chromium (137 on) and Firefox (129 on) have Ed25519; in a
// browser without it, subscribing fails with a message that says so, and nothing is let in.
import type { Bytes, Ed25519Verify } from '../../core/lists/list-signature';

export const webCryptoVerify: Ed25519Verify = async (publicKey, signature, message) => {
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotSupportedError') {
      throw new Error('this browser cannot check Ed25519 signatures; a newer version can', { cause: error });
    }
    throw error;
  }
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
};

export const sha256 = async (bytes: Bytes): Promise<Bytes> =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
