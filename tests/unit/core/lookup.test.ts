import { describe, expect, it } from 'vitest';
import type { Reference } from '../../../src/core/dictionary-data.js';
import { doiUrl, isOpenableUrl, lookupFor, searchUrl } from '../../../src/core/lookup.js';
import { LOOKUP_PROVIDERS } from '../../../src/core/settings.js';

const base: Reference = {
  key: 'x',
  type: 'article',
  authors: [{ family: 'Carr', given: 'Madeline' }],
  editors: [],
  title: 'Power Plays in Global Internet Governance',
  bibtex: '@article{x}',
};

describe('lookupFor', () => {
  it('prefers the DOI', () => {
    expect(lookupFor({ ...base, doi: '10.1177/0305829814562655', url: 'https://example.org/a' }, 'scholar')).toEqual({
      kind: 'doi',
      url: 'https://doi.org/10.1177/0305829814562655',
    });
  });

  it('encodes odd characters in a DOI but keeps its slashes', () => {
    expect(doiUrl('10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0')).toBe(
      'https://doi.org/10.1002/(SICI)1097-4571(199806)49%3A8%3C693%3A%3AAID-ASI4%3E3.0.CO%3B2-0',
    );
    expect(doiUrl('10.1000/a b#c?d')).toBe('https://doi.org/10.1000/a%20b%23c%3Fd');
  });

  it('falls back to the stable URL, upgraded to https', () => {
    expect(lookupFor({ ...base, url: 'http://www.wgig.org/docs/WGIGREPORT.pdf' }, 'scholar')).toEqual({
      kind: 'url',
      url: 'https://www.wgig.org/docs/WGIGREPORT.pdf',
    });
  });

  it('never opens a non-web URL; searches instead', () => {
    const l = lookupFor({ ...base, url: 'javascript:alert(1)' }, 'scholar');
    expect(l.kind).toBe('search');
    expect(l.url.startsWith('https://scholar.google.com/scholar?')).toBe(true);
  });

  it('searches title and first author (or editor) on each provider', () => {
    const expected: Record<string, string> = {
      scholar: 'https://scholar.google.com/scholar?q=Power+Plays+in+Global+Internet+Governance+Carr',
      semantic: 'https://www.semanticscholar.org/search?q=Power+Plays+in+Global+Internet+Governance+Carr',
      openalex: 'https://openalex.org/works?search=Power+Plays+in+Global+Internet+Governance+Carr',
      base: 'https://www.base-search.net/Search/Results?lookfor=Power+Plays+in+Global+Internet+Governance+Carr',
      core: 'https://core.ac.uk/search?q=Power+Plays+in+Global+Internet+Governance+Carr',
    };
    for (const p of LOOKUP_PROVIDERS) expect(lookupFor(base, p)).toEqual({ kind: 'search', url: expected[p] });
    const edited = { ...base, authors: [], editors: [{ family: 'Musiani' }] };
    expect(lookupFor(edited, 'scholar').url).toContain('Musiani');
  });

  it('keeps odd characters of titles inside the query', () => {
    const url = new URL(searchUrl('Rights & “Wrongs”: a/b?c=d#e  \n  f', 'semantic'));
    expect(url.origin).toBe('https://www.semanticscholar.org');
    expect(url.searchParams.get('q')).toBe('Rights & “Wrongs”: a/b?c=d#e f');
    expect(url.hash).toBe('');
  });

  it('caps long queries', () => {
    expect(new URL(searchUrl('x'.repeat(5000), 'core')).searchParams.get('q')?.length).toBe(300);
  });
});

describe('isOpenableUrl', () => {
  it('accepts https only, without credentials', () => {
    expect(isOpenableUrl('https://doi.org/10.1/x')).toBe(true);
    expect(isOpenableUrl('http://doi.org/10.1/x')).toBe(false);
    expect(isOpenableUrl('javascript:alert(1)')).toBe(false);
    expect(isOpenableUrl('https://user:pw@example.org/')).toBe(false);
    expect(isOpenableUrl('not a url')).toBe(false);
  });
});
