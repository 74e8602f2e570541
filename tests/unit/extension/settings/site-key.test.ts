import { describe, expect, it } from 'vitest';
import { siteCovers, siteKey } from '../../../../src/extension/settings/site-key';

describe('siteKey', () => {
  it('treats www. and the bare domain as one site, whatever the case', () => {
    expect(siteKey('www.StraitsTimes.com')).toBe('straitstimes.com');
    expect(siteKey('straitstimes.com')).toBe('straitstimes.com');
    expect(siteKey('WWW.BBC.CO.UK.')).toBe('bbc.co.uk');
  });

  it('keeps other subdomains, so a reader can turn off one section of a site', () => {
    expect(siteKey('news.example.com')).toBe('news.example.com');
    expect(siteKey('www.news.example.com')).toBe('news.example.com');
  });

  it('does not strip www. when nothing would be left but a top-level domain', () => {
    expect(siteKey('www.com')).toBe('www.com');
  });

  it('leaves IP addresses and localhost as they are', () => {
    expect(siteKey('127.0.0.1')).toBe('127.0.0.1');
    expect(siteKey('localhost')).toBe('localhost');
  });
});

describe('siteCovers', () => {
  it('a site covers itself and its subdomains', () => {
    expect(siteCovers('example.com', 'example.com')).toBe(true);
    expect(siteCovers('example.com', 'news.example.com')).toBe(true);
    expect(siteCovers('example.com', 'a.b.example.com')).toBe(true);
  });

  it('a subdomain does not cover its parent or siblings', () => {
    expect(siteCovers('news.example.com', 'example.com')).toBe(false);
    expect(siteCovers('news.example.com', 'sport.example.com')).toBe(false);
  });

  it('a lookalike domain is not covered', () => {
    expect(siteCovers('example.com', 'badexample.com')).toBe(false);
    expect(siteCovers('times.com', 'straitstimes.com')).toBe(false);
  });

  it('an IP address has no subdomains', () => {
    expect(siteCovers('0.1', '10.0.0.1')).toBe(false);
    expect(siteCovers('10.0.0.1', '10.0.0.1')).toBe(true);
  });
});
