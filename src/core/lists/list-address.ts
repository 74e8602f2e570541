// Where a list and its files may be. A reader subscribes to a list by its address, and Parallax
// asks the browser for leave to reach that one site, then: so the list's signature and packs must
// be on the same site (https, same host and port), and Parallax never follows a request anywhere
// else. Beyond that, a list's addresses are web addresses as a pack's are (core/database/
// web-address: a host, no user name or password, which would be sent), and have no fragment.
import { webAddressProblem } from '../database/web-address';

/** Why a list's address is refused, in words, or null for an https address Parallax may subscribe to. */
export function listAddressProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'it is not a web address: give the list’s address, such as https://example.org/parallax/list.json';
  }
  if (url.protocol !== 'https:')
    return `it must start with https:// (a list is only fetched over an encrypted connection), not ${url.protocol}`;
  const problem = webAddressProblem(url.href);
  return problem === null ? null : `it ${problem}`;
}

/** The address as Parallax keeps it: parsed and written out again, without any fragment. */
export function normalizeListAddress(text: string): string {
  const url = new URL(text.trim());
  url.hash = '';
  return url.href;
}

/** The list's site, as readers see it named ("lists.example.org"). */
export const listSite = (address: string): string => new URL(address).host;

/**
 * The host permission a list needs (a match pattern: `https://lists.example.org/*`). Patterns name
 * no port, so this covers the site on any port; the requests themselves go only to the list's own.
 */
export const listHostPattern = (address: string): string => `https://${new URL(address).hostname}/*`;

/** The signature's address: the index's, with `.sig` added to its path (the query kept). */
export function signatureAddress(address: string): string {
  const url = new URL(address);
  url.pathname = `${url.pathname}.sig`;
  return url.href;
}

/** A pack's address in an index, resolved against the list's. */
export const packAddress = (address: string, listAddress: string): string => new URL(address, listAddress).href;

/** Why a pack's address in an index is refused, or null when it is on the list's own site, over https. */
export function packAddressProblem(address: string, listAddress: string): string | null {
  let url: URL;
  try {
    url = new URL(address, listAddress);
  } catch {
    return 'not an address';
  }
  const list = new URL(listAddress);
  if (url.protocol !== 'https:' || url.origin !== list.origin) {
    return `must be on the list’s own site (${list.origin}), where the reader allowed Parallax to go; it is ${url.origin}`;
  }
  return webAddressProblem(url.href);
}
