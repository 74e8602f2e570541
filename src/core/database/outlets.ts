// Which outlet a page belongs to, from its host or address: the one lookup the matcher (by URL)
// and the loaded database (by host) share. An outlet's hosts cover their subdomains, and the most
// specific host wins (news.bbc.co.uk before bbc.co.uk).
import type { Problem } from './problems';
import type { Outlet, Pack } from './schema';

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

/** An outlet of a set of packs, and the pack it first came from. */
export interface HostOwner {
  pack: string;
  outlet: Outlet;
}

/** Where a pack's outlets go in a set: each one new, or an outlet an earlier pack brought. */
export interface OutletPlacement {
  /** By the pack's outlet id: the earlier pack's outlet it is, or null for a new one. */
  same: Map<string, HostOwner | null>;
  problems: Problem[];
}

const describeOwner = (owner: HostOwner) =>
  `${owner.outlet.name} (outlet "${owner.outlet.id}" of the pack "${owner.pack}")`;

/**
 * Which outlet owns each host of a set of packs. A host belongs to one outlet of one pack, the
 * first to list it (the bundled packs come first). A later pack's outlet whose hosts are all an
 * outlet's already known is that outlet (the BBC in two stories is one outlet); one listing a host
 * another outlet owns beside others is refused, naming the host and both outlets, so that no pack
 * can make one outlet's pages count as another's (and show its readers their own outlet's
 * reports, or hide another's). An article's address must lead to its own outlet, for the same
 * reason.
 */
export class HostOwners {
  private readonly byHost = new Map<string, HostOwner>();

  /** The outlet whose pages live on this host (or on a domain above it), or null. */
  ownerOf(hostname: string): HostOwner | null {
    return walkUp(hostname, (host) => this.byHost.get(host));
  }

  /** Where a pack's outlets would go, and why it cannot join the set if it cannot. Records nothing. */
  place(pack: Pack): OutletPlacement {
    const same = new Map<string, HostOwner | null>();
    const problems: Problem[] = [];
    // The outlet each of the pack's outlets is in the set, and the hosts it would hold.
    const owners = new Map<string, HostOwner>();
    const ownHosts = new Map<string, HostOwner>();
    for (const outlet of pack.outlets) {
      // The outlet is one the set knows when every host of it is that outlet's; else a new one,
      // and then none of its hosts may be another outlet's.
      const hostOwners = outlet.hosts.map((host) => this.ownerOf(host));
      const known = hostOwners.find((o) => o !== null) ?? null;
      const isKnown = known !== null && hostOwners.every((o) => o === known);
      if (known !== null && !isKnown) {
        hostOwners.forEach((owner, i) => {
          if (owner === null) return;
          problems.push({
            claim: null,
            report: null,
            where: `outlet "${outlet.id}"`,
            field: `hosts[${i}]`,
            message: `"${outlet.hosts[i]}" belongs to ${describeOwner(owner)}; ${outlet.name}, with other hosts, cannot take its pages`,
          });
        });
      }
      same.set(outlet.id, isKnown ? known : null);
      const inSet = isKnown ? known : { pack: pack.id, outlet };
      owners.set(outlet.id, inSet);
      for (const host of outlet.hosts) ownHosts.set(host, inSet);
    }
    // Each article's address leads, in the set, to its own outlet (the pack's hosts counted in).
    for (const article of pack.articles) {
      let hostname: string;
      try {
        hostname = new URL(article.url).hostname;
      } catch {
        continue;
      }
      const owner = walkUp(hostname, (host) => this.byHost.get(host) ?? ownHosts.get(host));
      const own = owners.get(article.outlet);
      if (owner === null || own === undefined || owner === own) continue;
      problems.push({
        claim: null,
        report: null,
        where: `article "${article.id}"`,
        field: 'url',
        message: `its address is on ${hostname}, a page of ${describeOwner(owner)}, not of its outlet "${article.outlet}"`,
      });
    }
    return { same, problems };
  }

  /** Records a placed pack's new outlets (as `record` gives the set's copy of each) and their hosts. */
  record(pack: Pack, placement: OutletPlacement, record: (outlet: Outlet) => Outlet = (o) => o): Map<string, Outlet> {
    const inSet = new Map<string, Outlet>();
    for (const outlet of pack.outlets) {
      const earlier = placement.same.get(outlet.id) ?? null;
      if (earlier !== null) {
        inSet.set(outlet.id, earlier.outlet);
        continue;
      }
      const owner: HostOwner = { pack: pack.id, outlet: record(outlet) };
      for (const host of outlet.hosts) this.byHost.set(host, owner);
      inSet.set(outlet.id, owner.outlet);
    }
    return inSet;
  }
}

/** The first value found for the host or a domain above it (news.bbc.co.uk, bbc.co.uk, co.uk, ...). */
function walkUp<T>(hostname: string, find: (host: string) => T | undefined): T | null {
  let host = hostname.toLowerCase().replace(/\.$/, '');
  for (;;) {
    const found = find(host);
    if (found !== undefined) return found;
    const dot = host.indexOf('.');
    if (dot < 0) return null;
    host = host.slice(dot + 1);
  }
}
