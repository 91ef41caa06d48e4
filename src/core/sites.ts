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
