// Which outlet a page belongs to, from its address: the outlet's hosts and their subdomains.
import type { Outlet } from '../database/schema';

export function outletOfUrl(outlets: readonly Outlet[], url: string): Outlet | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null; // not an address (a local file name, an empty string): no outlet
  }
  for (const outlet of outlets) {
    for (const h of outlet.hosts) {
      if (host === h || host.endsWith('.' + h)) return outlet;
    }
  }
  return null;
}
