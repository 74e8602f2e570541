// Checking a list before anything in it is used: the index must be signed (Ed25519) by the key it
// names, that key must be the one the reader trusts for the list (a new one waits for the
// reader's answer), and every pack must be the file the index describes (its size and SHA-256).
// The cryptography itself is the platform's (WebCrypto in the browser, in Node for the tools and
// tests), handed in: here are only the decisions, so each is tested in Node with real keys.

/** Bytes as the platform's cryptography takes them (WebCrypto wants an ArrayBuffer's, never a shared one's). */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Ed25519 verification: whether `signature` is `publicKey`'s signature of `message`. */
export type Ed25519Verify = (publicKey: Bytes, signature: Bytes, message: Bytes) => Promise<boolean>;

export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

/** Bytes → base64. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Base64 → bytes, or null when the text is not base64. */
export function fromBase64(text: string): Bytes | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Bytes → lower-case hexadecimal (how an index writes a SHA-256). */
export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export type SignatureCheck =
  | { ok: true }
  /** The index is signed by the key it names, but that is not the key the reader trusts for the list. */
  | { ok: false; keyChanged: true; newKey: string; error: string }
  | { ok: false; keyChanged: false; error: string };

/**
 * Whether `index` (the file's exact bytes) is signed by `indexKey`, the key the index names, as
 * the signature file (`signatureText`: the signature in base64) says; and whether that key is the
 * one trusted for the list (`trustedKey`; null when subscribing, when the reader takes the key
 * the list names).
 */
export async function checkListSignature(args: {
  index: Bytes;
  signatureText: string;
  indexKey: string;
  trustedKey: string | null;
  verify: Ed25519Verify;
}): Promise<SignatureCheck> {
  const signature = fromBase64(args.signatureText.trim());
  if (signature === null || signature.length !== SIGNATURE_BYTES) {
    return {
      ok: false,
      keyChanged: false,
      error: `its signature file does not hold an Ed25519 signature (${SIGNATURE_BYTES} bytes in base64)`,
    };
  }
  const key = fromBase64(args.indexKey);
  if (key === null || key.length !== PUBLIC_KEY_BYTES)
    return { ok: false, keyChanged: false, error: 'it names a public key that is not an Ed25519 key' };
  let valid: boolean;
  try {
    valid = await args.verify(key, signature, args.index);
  } catch (error) {
    return {
      ok: false,
      keyChanged: false,
      error: `its signature could not be checked (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (!valid) {
    return {
      ok: false,
      keyChanged: false,
      error:
        'its signature does not match: the list was changed after its publisher signed it (on the server or on the way), so Parallax does not trust it',
    };
  }
  if (args.trustedKey !== null && args.trustedKey !== args.indexKey) {
    return {
      ok: false,
      keyChanged: true,
      newKey: args.indexKey,
      error:
        'it is now signed with another key than the one you subscribed with. Parallax uses it only if you accept the new key',
    };
  }
  return { ok: true };
}

/**
 * Whether a downloaded pack is the file the signed index describes: `size` bytes whose SHA-256 is
 * `sha256` (`digest`, computed by the caller). Null when it is; otherwise why not.
 */
export function packFileProblem(
  expected: { size: number; sha256: string },
  received: { size: number; digest: Uint8Array },
): string | null {
  if (received.size !== expected.size)
    return `it is ${received.size} bytes, not the ${expected.size} the list says, so it is not the file the list’s publisher signed`;
  if (toHex(received.digest) !== expected.sha256)
    return 'its SHA-256 is not the one the list says, so it is not the file the list’s publisher signed (it was changed on the server or on the way)';
  return null;
}
