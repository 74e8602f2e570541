import { describe, expect, it } from 'vitest';
import {
  listAddressProblem,
  listHostPattern,
  listSite,
  normalizeListAddress,
  signatureAddress,
} from '../../../../src/core/lists/list-address';

describe('a list’s address', () => {
  it('is https, with no user name or password', () => {
    expect(listAddressProblem('https://lists.example.org/world/list.json')).toBeNull();
    expect(listAddressProblem('  https://lists.example.org/list.json ')).toBeNull();
    expect(listAddressProblem('http://lists.example.org/list.json')).toBe(
      'it must start with https:// (a list is only fetched over an encrypted connection), not http:',
    );
    expect(listAddressProblem('lists.example.org/list.json')).toMatch(/^it is not a web address/);
    expect(listAddressProblem('https://me:secret@lists.example.org/list.json')).toBe(
      'it must not hold a user name or password',
    );
    expect(listAddressProblem('file:///etc/passwd')).toMatch(/not file:$/);
  });

  it('is kept without its fragment; its signature is beside it; the permission names its host', () => {
    const address = normalizeListAddress(' https://Lists.Example.org/world/list.json?v=2#top');
    expect(address).toBe('https://lists.example.org/world/list.json?v=2');
    expect(signatureAddress(address)).toBe('https://lists.example.org/world/list.json.sig?v=2');
    expect(listHostPattern('https://lists.example.org:8443/list.json')).toBe('https://lists.example.org/*');
    expect(listSite('https://lists.example.org:8443/list.json')).toBe('lists.example.org:8443');
  });
});
