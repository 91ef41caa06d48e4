// One-click lookup of a cited work: its DOI, else its stable URL, else a title search with the reader's
// chosen scholarly search engine. Every URL is built with URL/URLSearchParams and is https.
import type { Reference } from './dictionary-data.js';
import type { LookupProvider } from './settings.js';

export const PROVIDER_NAMES: Record<LookupProvider, string> = {
  scholar: 'Google Scholar',
  semantic: 'Semantic Scholar',
  openalex: 'OpenAlex',
  base: 'BASE',
  core: 'CORE',
};

/** A search for free text (a title, a selection) on the provider. */
export function searchUrl(query: string, provider: LookupProvider): string {
  const q = query.replace(/\s+/g, ' ').trim().slice(0, 300);
  switch (provider) {
    case 'scholar': {
      const u = new URL('https://scholar.google.com/scholar');
      u.searchParams.set('q', q);
      return u.href;
    }
    case 'semantic': {
      const u = new URL('https://www.semanticscholar.org/search');
      u.searchParams.set('q', q);
      return u.href;
    }
    case 'openalex': {
      const u = new URL('https://openalex.org/works');
      u.searchParams.set('search', q);
      return u.href;
    }
    case 'base': {
      const u = new URL('https://www.base-search.net/Search/Results');
      u.searchParams.set('lookfor', q);
      return u.href;
    }
    case 'core': {
      const u = new URL('https://core.ac.uk/search');
      u.searchParams.set('q', q);
      return u.href;
    }
  }
}

/** The https URL of a DOI: each path segment encoded, slashes kept. */
export function doiUrl(doi: string): string {
  const u = new URL('https://doi.org/');
  u.pathname = `/${doi.trim().split('/').map(encodeURIComponent).join('/')}`;
  return u.href;
}

function safeHttpsUrl(raw: string): string | undefined {
  try {
    const u = new URL(raw);
    if (u.protocol === 'https:') return u.href;
    // Stable publisher URLs recorded as http are upgraded; other schemes are never opened.
    if (u.protocol === 'http:') {
      u.protocol = 'https:';
      return u.href;
    }
  } catch {
    // not a URL
  }
  return undefined;
}

export interface Lookup {
  kind: 'doi' | 'url' | 'search';
  url: string;
}

export function lookupFor(
  ref: Pick<Reference, 'doi' | 'url' | 'title' | 'authors' | 'editors'>,
  provider: LookupProvider,
): Lookup {
  if (ref.doi) return { kind: 'doi', url: doiUrl(ref.doi) };
  const stable = ref.url ? safeHttpsUrl(ref.url) : undefined;
  if (stable) return { kind: 'url', url: stable };
  const first = ref.authors[0] ?? ref.editors[0];
  return { kind: 'search', url: searchUrl([ref.title, first?.family].filter(Boolean).join(' '), provider) };
}

/** Only URLs this module builds may be opened from a message: https, no credentials. */
export function isOpenableUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' && !u.username && !u.password;
  } catch {
    return false;
  }
}
