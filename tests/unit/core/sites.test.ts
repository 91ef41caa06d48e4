import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings.js';
import { hostMatches, isSiteEnabled, parseSiteEntry, toggleSite } from '../../../src/core/sites.js';

const site = (
  patch: Partial<Pick<Settings, 'enabled' | 'siteMode' | 'deniedSites' | 'allowedSites'>>,
): Pick<Settings, 'enabled' | 'siteMode' | 'deniedSites' | 'allowedSites'> => ({ ...DEFAULT_SETTINGS, ...patch });

describe('parseSiteEntry', () => {
  it.each([
    ['example.org', 'example.org'],
    ['  Example.ORG  ', 'example.org'],
    ['https://www.Example.com/path?q=1#x', 'www.example.com'],
    ['http://example.org:8080/', 'example.org'],
    ['example.org:443', 'example.org'],
    ['example.org.', 'example.org'],
    ['*.example.org', 'example.org'],
    ['ftp://files.example.org', 'files.example.org'],
    ['localhost', 'localhost'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['news.bbc.co.uk', 'news.bbc.co.uk'],
    ['127.0.0.1', '127.0.0.1'],
  ])('reads %j as %j', (input, domain) => {
    expect(parseSiteEntry(input)).toEqual({ domain });
  });

  it.each(['', '   '])('refuses an empty entry %j', (input) => {
    expect(parseSiteEntry(input)).toEqual({ error: 'empty' });
  });

  it.each([
    'not a domain',
    'exa_mple.org',
    'example..org',
    '.example.org',
    '-example.org',
    'example-.org',
    'bücher.example',
    `${'a'.repeat(64)}.org`,
    `${'a.'.repeat(127)}org`,
    'https://',
  ])('refuses %j', (input) => {
    expect(parseSiteEntry(input)).toEqual({ error: 'not-a-domain' });
  });

  it('accepts a label of 63 characters', () => {
    expect(parseSiteEntry(`${'a'.repeat(63)}.org`)).toEqual({ domain: `${'a'.repeat(63)}.org` });
  });
});

describe('hostMatches', () => {
  it('matches the domain itself and its subdomains', () => {
    expect(hostMatches('example.org', 'example.org')).toBe(true);
    expect(hostMatches('news.example.org', 'example.org')).toBe(true);
    expect(hostMatches('a.b.example.org', 'example.org')).toBe(true);
  });

  it('ignores case and a trailing dot in the hostname', () => {
    expect(hostMatches('News.Example.ORG', 'example.org')).toBe(true);
    expect(hostMatches('example.org.', 'example.org')).toBe(true);
  });

  it('does not match look-alikes or parents', () => {
    expect(hostMatches('badexample.org', 'example.org')).toBe(false);
    expect(hostMatches('example.org.evil.com', 'example.org')).toBe(false);
    expect(hostMatches('example.org', 'news.example.org')).toBe(false);
    expect(hostMatches('', 'example.org')).toBe(false);
  });
});

describe('isSiteEnabled', () => {
  it('annotates every site by default', () => {
    expect(isSiteEnabled(site({}), 'www.theverge.com')).toBe(true);
  });

  it('annotates nothing when switched off', () => {
    expect(isSiteEnabled(site({ enabled: false }), 'www.theverge.com')).toBe(false);
    expect(
      isSiteEnabled(site({ enabled: false, siteMode: 'listed', allowedSites: ['theverge.com'] }), 'theverge.com'),
    ).toBe(false);
  });

  it('skips denied domains and their subdomains only', () => {
    const s = site({ deniedSites: ['example.org'] });
    expect(isSiteEnabled(s, 'example.org')).toBe(false);
    expect(isSiteEnabled(s, 'news.example.org')).toBe(false);
    expect(isSiteEnabled(s, 'example.com')).toBe(true);
    expect(isSiteEnabled(s, 'notexample.org')).toBe(true);
  });

  it('ignores the allow list in "all" mode', () => {
    expect(isSiteEnabled(site({ allowedSites: ['example.org'] }), 'other.net')).toBe(true);
  });

  it('in "listed" mode annotates only listed domains and their subdomains', () => {
    const s = site({ siteMode: 'listed', allowedSites: ['example.org', 'news.site.net'] });
    expect(isSiteEnabled(s, 'example.org')).toBe(true);
    expect(isSiteEnabled(s, 'www.example.org')).toBe(true);
    expect(isSiteEnabled(s, 'news.site.net')).toBe(true);
    expect(isSiteEnabled(s, 'site.net')).toBe(false);
    expect(isSiteEnabled(s, 'other.org')).toBe(false);
  });

  it('annotates nothing in "listed" mode with an empty list', () => {
    expect(isSiteEnabled(site({ siteMode: 'listed' }), 'example.org')).toBe(false);
  });

  it('lets the deny list win over the allow list', () => {
    const s = site({ siteMode: 'listed', allowedSites: ['example.org'], deniedSites: ['ads.example.org'] });
    expect(isSiteEnabled(s, 'www.example.org')).toBe(true);
    expect(isSiteEnabled(s, 'ads.example.org')).toBe(false);
    expect(isSiteEnabled(s, 'x.ads.example.org')).toBe(false);
  });
});

describe('toggleSite', () => {
  const on = (s: ReturnType<typeof site>, host: string): boolean => isSiteEnabled({ ...s, enabled: true }, host);
  const after = (s: ReturnType<typeof site>, host: string, enable?: boolean) => ({
    ...s,
    ...toggleSite(s, host, enable),
  });

  it('switches an annotated host off and back on in all-sites mode', () => {
    const off = after(site({}), 'news.example.org');
    expect(off.deniedSites).toEqual(['news.example.org']);
    expect(on(off, 'news.example.org')).toBe(false);
    expect(on(off, 'example.org')).toBe(true);
    const back = after(off, 'news.example.org');
    expect(back.deniedSites).toEqual([]);
    expect(on(back, 'news.example.org')).toBe(true);
  });

  it('switches on an unlisted host in only-listed mode (the first press lists it)', () => {
    const s = site({ siteMode: 'listed', allowedSites: ['other.net'] });
    const next = after(s, 'news.example.org');
    expect(next.allowedSites).toEqual(['other.net', 'news.example.org']);
    expect(on(next, 'news.example.org')).toBe(true);
    const off = after(next, 'news.example.org');
    expect(on(off, 'news.example.org')).toBe(false);
    expect(off.allowedSites).toEqual(['other.net']);
  });

  it('switches back on a subdomain denied through its parent domain', () => {
    const s = site({ deniedSites: ['example.org', 'other.net'] });
    expect(on(s, 'news.example.org')).toBe(false);
    const next = after(s, 'news.example.org');
    expect(next.deniedSites).toEqual(['other.net']);
    expect(on(next, 'news.example.org')).toBe(true);
  });

  it('switches off a subdomain of a listed parent without delisting the parent', () => {
    const s = site({ siteMode: 'listed', allowedSites: ['example.org'] });
    const next = after(s, 'news.example.org');
    expect(on(next, 'news.example.org')).toBe(false);
    expect(on(next, 'example.org')).toBe(true);
    expect(on(after(next, 'news.example.org'), 'news.example.org')).toBe(true);
  });

  it('treats www. and the bare domain as one site', () => {
    const denied = site({ deniedSites: ['www.example.org'] });
    expect(after(denied, 'example.org', true).deniedSites).toEqual([]);
    const listed = site({ siteMode: 'listed', allowedSites: ['example.org'] });
    const off = after(listed, 'www.example.org');
    expect(on(off, 'www.example.org')).toBe(false);
    expect(off.allowedSites).toEqual([]);
    expect(on(after(off, 'www.example.org'), 'www.example.org')).toBe(true);
  });

  it('does nothing twice: switching on an annotated host or off a denied one changes no list', () => {
    const s = site({ deniedSites: ['example.org'], siteMode: 'all' });
    expect(toggleSite(s, 'news.example.org', false)).toEqual({ deniedSites: ['example.org'], allowedSites: [] });
    expect(toggleSite(site({}), 'example.org', true)).toEqual({ deniedSites: [], allowedSites: [] });
  });

  it('ignores the global switch when deciding, and leaves it alone', () => {
    const s = site({ enabled: false });
    expect(toggleSite(s, 'example.org')).toEqual({ deniedSites: ['example.org'], allowedSites: [] });
  });
});
