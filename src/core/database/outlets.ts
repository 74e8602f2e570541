// Which outlet a page belongs to, from its host or address: the one lookup the matcher (by URL)
// and the loaded database (by host) share. An outlet's hosts cover their subdomains, and the most
// specific host wins (news.bbc.co.uk before bbc.co.uk).
import type { Outlet } from './schema';

export interface OutletLookup {
  forHost(hostname: string): Outlet | null;
  /** Null for anything that is not an absolute address (a file name, an empty string). */
  forUrl(url: string): Outlet | null;
}

export function createOutletLookup(outlets: readonly Outlet[]): OutletLookup {
  const byHost = new Map<string, Outlet>();
  for (const outlet of outlets) for (const host of outlet.hosts) if (!byHost.has(host)) byHost.set(host, outlet);
  const forHost = (hostname: string): Outlet | null => {
    // Walk up the labels: news.bbc.co.uk, bbc.co.uk, co.uk, ...
    let host = hostname.toLowerCase().replace(/\.$/, '');
    for (;;) {
      const outlet = byHost.get(host);
      if (outlet) return outlet;
      const dot = host.indexOf('.');
      if (dot < 0) return null;
      host = host.slice(dot + 1);
    }
  };
  return {
    forHost,
    forUrl(url) {
      let hostname: string;
      try {
        hostname = new URL(url).hostname;
      } catch {
        return null;
      }
      return forHost(hostname);
    },
  };
}
