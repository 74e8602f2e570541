// Which stored site a page belongs to. Readers think of "the Straits Times", not of
// "www.straitstimes.com" versus "straitstimes.com", so the key drops a leading "www." and case.
// Subdomains are kept (news.example.com stays news.example.com); `siteCovers` decides that turning
// off example.com also covers its subdomains, while turning off a subdomain leaves the parent alone.

/** The key a site is stored under: lower-cased host without a leading "www." or trailing dot. */
export function siteKey(hostname: string): string {
  const host = hostname.trim().toLowerCase().replace(/\.+$/, '');
  // "www.com" is a site of its own, not "com": only strip when something with a dot remains.
  const withoutWww = host.replace(/^www\./, '');
  return withoutWww.includes('.') ? withoutWww : host;
}

/**
 * Whether a stored site key covers a host's key: the same site, or a subdomain of it
 * (example.com covers news.example.com; news.example.com does not cover example.com).
 * Both arguments are site keys.
 */
export function siteCovers(storedKey: string, hostKey: string): boolean {
  if (!storedKey || !hostKey) return false;
  if (hostKey === storedKey) return true;
  // An IP address has no subdomains: 10.0.0.1 must not be covered by a stored "0.1".
  if (/^[\d.]+$/.test(hostKey) || hostKey.includes(':')) return false;
  return hostKey.endsWith(`.${storedKey}`);
}

/** Whether a string looks like a host a site key can be made of (letters, digits, dots, dashes, IPv6 brackets). */
export function isPlausibleHost(hostname: string): boolean {
  return /^[a-z0-9\-_.:[\]]+$/i.test(hostname) && hostname.length <= 253 && /[a-z0-9]/i.test(hostname);
}

/** Turns whatever a site list holds into sorted, unique, plausible site keys; junk entries drop out. */
export function cleanSiteList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const keys = value
    .filter((entry): entry is string => typeof entry === 'string')
    .map(siteKey)
    .filter(isPlausibleHost);
  return [...new Set(keys)].sort();
}
