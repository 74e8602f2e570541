// The only requests Parallax makes, against a fake fetch: how they are made (no credentials, no
// referrer, no cache, no redirect), a file read up to its limit and no further whatever the server
// claims, and each failure worded for the reader.
import { describe, expect, it, vi } from 'vitest';
import { fetchListFile, LIST_REQUEST, utf8Text } from '../../../../src/extension/lists/fetch-list-file';

const URL_ = 'https://lists.example.org/world/list.json';

/** A response whose body arrives in chunks (and counts how many were pulled). */
function streamed(chunks: Uint8Array[], init: ResponseInit = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[pulled++];
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return { response: new Response(body, init), pulled: () => pulled };
}

describe('fetchListFile', () => {
  it('asks with no cookies or credentials, no referrer, no cache and no redirect, and returns the bytes', async () => {
    const fetch = vi.fn(async () => new Response('{"format":"parallax-pack-list"}'));
    const file = await fetchListFile(URL_, 1024, fetch as typeof globalThis.fetch);
    expect(file.ok && utf8Text(file.bytes)).toBe('{"format":"parallax-pack-list"}');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(URL_);
    expect(init).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'error',
    });
    expect(init.headers).toBeUndefined();
    expect(LIST_REQUEST.body).toBeUndefined();
  });

  it('stops reading at the limit, whatever length the server gave or did not give', async () => {
    const chunk = new Uint8Array(400);
    const body = streamed([chunk, chunk, chunk, chunk, chunk, chunk]);
    const file = await fetchListFile(URL_, 1000, (async () => body.response) as typeof fetch);
    expect(file).toEqual({
      ok: false,
      error: '/world/list.json on lists.example.org is larger than 1 KB, the most it may be',
      unreachable: false,
    });
    // Three chunks read (1,200 bytes > 1,000), and the rest never pulled from the server.
    expect(body.pulled()).toBeLessThanOrEqual(4);
    const declared = await fetchListFile(
      URL_,
      1000,
      (async () => new Response('x', { headers: { 'content-length': '5000000' } })) as typeof fetch,
    );
    expect(declared.ok).toBe(false);
  });

  it('says what went wrong: an error status, an unreachable site, a site that does not answer in time', async () => {
    expect(
      await fetchListFile(
        URL_,
        1000,
        (async () => new Response('no', { status: 404, statusText: 'Not Found' })) as typeof fetch,
      ),
    ).toEqual({
      ok: false,
      error: 'lists.example.org answered 404 Not Found for /world/list.json',
      unreachable: false,
    });
    expect(
      (await fetchListFile(URL_, 1000, (async () => new Response('', { status: 503 })) as typeof fetch)).ok === false,
    ).toBe(true);
    expect(
      await fetchListFile(URL_, 1000, (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch),
    ).toEqual({
      ok: false,
      error: 'Parallax could not reach lists.example.org (offline, the site down, or it sent the request elsewhere)',
      unreachable: true,
    });
    const never = (async (_url: string, init: RequestInit) =>
      new Promise<Response>((_done, fail) =>
        init.signal!.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))),
      )) as unknown as typeof fetch;
    expect(await fetchListFile(URL_, 1000, never, 20)).toEqual({
      ok: false,
      error: 'lists.example.org did not answer within 0.02 s',
      unreachable: true,
    });
  });

  it('reads UTF-8 text only', () => {
    expect(utf8Text(new Uint8Array([0x7b, 0x7d]))).toBe('{}');
    expect(utf8Text(new Uint8Array([0xff, 0xfe, 0x00]))).toBeNull();
  });
});
