// A free copy of a cited work, opened only when the reader clicks: the work's own address where it is a free
// copy by the rules of the place that publishes it, else Unpaywall's open-access resolver for its DOI
// (https://unpaywall.org/<DOI> redirects to the best legal open-access copy it knows, else to the DOI).
import type { Reference } from './dictionary-data.js';

export interface FreeCopy {
  /** stable: the work's own address is free to read; resolver: Unpaywall looks for a copy of the DOI. */
  kind: 'stable' | 'resolver';
  url: string;
}

/**
 * Hosts whose documents are free to read by their publishers' own rules: arXiv (every paper), the RFC Editor
 * and the IETF datatracker (every RFC and draft), EUR-Lex (the EU's official journal and legislation), the
 * UN's own sites and its document system, and the Council of Europe's treaty office and document registry.
 */
const FREE_HOSTS = [
  'arxiv.org',
  'rfc-editor.org',
  'datatracker.ietf.org',
  'eur-lex.europa.eu',
  'un.org',
  'undocs.org',
  'coe.int',
] as const;

function hostIsFree(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return FREE_HOSTS.some((d) => h === d || h.endsWith(`.${d}`));
}

/** The work's own https address when its host publishes every document free of charge. */
export function freeAtSource(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    if (!hostIsFree(u.hostname)) return undefined;
    u.protocol = 'https:';
    return u.href;
  } catch {
    return undefined;
  }
}

/** Unpaywall's resolver address for a DOI: each path segment encoded, slashes kept (as doi.org takes it). */
export function unpaywallUrl(doi: string): string {
  const u = new URL('https://unpaywall.org/');
  u.pathname = `/${doi.trim().split('/').map(encodeURIComponent).join('/')}`;
  return u.href;
}

export function freeCopyFor(ref: Pick<Reference, 'doi' | 'url'>): FreeCopy | undefined {
  const stable = freeAtSource(ref.url);
  if (stable) return { kind: 'stable', url: stable };
  if (ref.doi) return { kind: 'resolver', url: unpaywallUrl(ref.doi) };
  return undefined;
}
