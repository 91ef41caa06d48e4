// Which sites the reader wants annotated: deny and allow lists of domains, subdomains included.
import type { Settings } from './settings.js';

/** Normalises a user-typed site ("https://www.Example.com/path" -> "www.example.com"), or returns an error. */
export function parseSiteEntry(input: string): { domain: string } | { error: string } {
  let s = input.trim().toLowerCase();
  if (!s) return { error: 'empty' };
  s = s
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  if (s.startsWith('*.')) s = s.slice(2);
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(s) || s.length > 253) return { error: 'not-a-domain' };
  if (s.split('.').some((label) => label.length > 63 || label.startsWith('-') || label.endsWith('-'))) {
    return { error: 'not-a-domain' };
  }
  return { domain: s };
}

/** True when `hostname` is `domain` or one of its subdomains. */
export function hostMatches(hostname: string, domain: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === domain || h.endsWith(`.${domain}`);
}

/** Whether the extension should annotate a page on `hostname` under `settings`. */
export function isSiteEnabled(
  settings: Pick<Settings, 'enabled' | 'siteMode' | 'deniedSites' | 'allowedSites'>,
  hostname: string,
): boolean {
  if (!settings.enabled) return false;
  if (settings.deniedSites.some((d) => hostMatches(hostname, d))) return false;
  if (settings.siteMode === 'listed') return settings.allowedSites.some((d) => hostMatches(hostname, d));
  return true;
}

type SiteSettings = Pick<Settings, 'enabled' | 'siteMode' | 'deniedSites' | 'allowedSites'>;

/** The site a reader means on `hostname`: "www.example.org" and "example.org" are one site. */
function siteOf(hostname: string): string {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h.startsWith('www.') && h.split('.').length > 2 ? h.slice(4) : h;
}

/**
 * The site lists after the reader switches `hostname` on or off (by default: the opposite of what it is now),
 * for the popup's switch and the keyboard command alike. Switching on lifts every deny entry that covers the
 * host (a parent domain's too, or the switch would seem to do nothing, and "www." or not: one site) and, when
 * only listed sites are annotated, lists the host. Switching off delists the host's site and denies exactly
 * the host. The global switch is left alone.
 */
export function toggleSite(
  settings: SiteSettings,
  hostname: string,
  enable = !isSiteEnabled({ ...settings, enabled: true }, hostname),
): Pick<Settings, 'deniedSites' | 'allowedSites'> {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const site = siteOf(host);
  if (enable) {
    const deniedSites = settings.deniedSites.filter((d) => !hostMatches(host, d) && siteOf(d) !== site);
    const listed = settings.allowedSites.some((d) => hostMatches(host, d));
    const allowedSites =
      settings.siteMode === 'listed' && !listed ? [...settings.allowedSites, host] : settings.allowedSites;
    return { deniedSites, allowedSites };
  }
  const allowedSites = settings.allowedSites.filter((d) => siteOf(d) !== site);
  const denied = settings.deniedSites.some((d) => hostMatches(host, d));
  return { deniedSites: denied ? settings.deniedSites : [...settings.deniedSites, host], allowedSites };
}
