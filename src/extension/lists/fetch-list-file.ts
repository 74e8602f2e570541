// The only requests Parallax makes: a list's files, from the site of a list the reader subscribed
// to. Each request carries nothing about the reader: no cookies or other credentials (nor does it
// keep any the site sets), no referrer, nothing cached to send back; only the address, which is
// the list's or a file the signed index names. Redirects are refused (the reader allowed this
// site, and no other). A file is read up to the most it may weigh and stopped there, whatever the
// server says its length is, and a server that does not answer in time is given up on.
import type { Bytes } from '../../core/lists/list-signature';

export type FetchedFile = { ok: true; bytes: Bytes } | { ok: false; error: string; unreachable: boolean };

/** How every list request is made (the end-to-end suite reads the headers that arrive). */
export const LIST_REQUEST: RequestInit = {
  method: 'GET',
  credentials: 'omit',
  referrerPolicy: 'no-referrer',
  cache: 'no-store',
  redirect: 'error',
};

export const LIST_REQUEST_TIMEOUT_MS = 30_000;

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** The file at `url`, if it answers 200 within the time allowed and holds at most `maxBytes`. */
export async function fetchListFile(
  url: string,
  maxBytes: number,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = LIST_REQUEST_TIMEOUT_MS,
): Promise<FetchedFile> {
  const site = new URL(url).host;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, { ...LIST_REQUEST, signal: controller.signal });
    } catch {
      const error = controller.signal.aborted
        ? `${site} did not answer within ${timeoutMs / 1000} s`
        : `Parallax could not reach ${site} (offline, the site down, or it sent the request elsewhere)`;
      return { ok: false, error, unreachable: true };
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      return {
        ok: false,
        error: `${site} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${new URL(url).pathname}`,
        unreachable: response.status >= 500,
      };
    }
    const declared = Number(response.headers.get('content-length'));
    const tooBig = {
      ok: false as const,
      error: `${new URL(url).pathname} on ${site} is larger than ${size(maxBytes)}, the most it may be`,
      unreachable: false,
    };
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return tooBig;
    }
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    while (reader) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        return {
          ok: false,
          error: controller.signal.aborted
            ? `${site} did not send the whole file within ${timeoutMs / 1000} s`
            : `the connection to ${site} broke off`,
          unreachable: true,
        };
      }
      if (chunk.done) break;
      length += chunk.value.length;
      if (length > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return tooBig;
      }
      chunks.push(chunk.value);
    }
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return { ok: true, bytes };
  } finally {
    clearTimeout(timer);
  }
}

/** A file's bytes as UTF-8 text, or null when they are not. */
export function utf8Text(bytes: Bytes): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
