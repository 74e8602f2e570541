// A curator's signing key for a pack list, in Node: an Ed25519 key pair (node:crypto), the private
// key kept as a PKCS #8 PEM file (what `openssl genpkey -algorithm ed25519` writes, so either tool
// can make one), the public key as the index names it (its 32 bytes in base64).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Ed25519Verify } from '../../core/lists/list-signature';

/** A key file that cannot be used; the message names the file and why. */
export class ListKeyError extends Error {}

export interface ListKey {
  privateKey: KeyObject;
  /** The public key as an index names it. */
  publicKey: string;
}

/** The public key's 32 bytes in base64. */
export function publicKeyText(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('base64');
}

/** A new key pair: the private key as PEM text, and the public key. */
export function generateListKey(): { privatePem: string; publicKey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: publicKeyText(privateKey),
  };
}

/** A private key file (PEM, PKCS #8, Ed25519). */
export function readListKey(path: string): ListKey {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ListKeyError(
      `${path}: ${code === 'ENOENT' ? 'no such file (make a key with npm run list:key -- --out FILE)' : (error as Error).message}`,
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(text);
  } catch {
    throw new ListKeyError(`${path}: not a private key in PEM form (make one with npm run list:key -- --out FILE)`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new ListKeyError(
      `${path}: an ${privateKey.asymmetricKeyType} key; a pack list is signed with an Ed25519 key`,
    );
  return { privateKey, publicKey: publicKeyText(privateKey) };
}

/** The signature file's text: the Ed25519 signature of the index's exact bytes, in base64. */
export const signIndex = (index: Uint8Array, key: KeyObject): string =>
  `${sign(null, index, key).toString('base64')}\n`;

/** Ed25519 verification in Node, as the core's checks take it. */
export const nodeVerify: Ed25519Verify = async (publicKey, signature, message) => {
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
    format: 'jwk',
  });
  return verify(null, message, key, signature);
};
