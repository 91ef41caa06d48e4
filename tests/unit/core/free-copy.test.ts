import { describe, expect, it } from 'vitest';
import { freeAtSource, freeCopyFor, unpaywallUrl } from '../../../src/core/free-copy.js';
import { builtDictionary } from '../built-dictionary.js';

describe('free copy', () => {
  it('sends a DOI to Unpaywall’s resolver, each segment encoded and the slashes kept', () => {
    expect(unpaywallUrl('10.1093/cybsec/tyv009')).toBe('https://unpaywall.org/10.1093/cybsec/tyv009');
    expect(unpaywallUrl(' 10.1002/(SICI)1097-4571#x ')).toBe('https://unpaywall.org/10.1002/(SICI)1097-4571%23x');
    expect(freeCopyFor({ doi: '10.1093/cybsec/tyv009' })).toEqual({
      kind: 'resolver',
      url: 'https://unpaywall.org/10.1093/cybsec/tyv009',
    });
  });

  it('names the work’s own address when its host publishes everything free, before the resolver', () => {
    expect(freeCopyFor({ doi: '10.48550/arXiv.2307.03718', url: 'https://arxiv.org/abs/2307.03718' })).toEqual({
      kind: 'stable',
      url: 'https://arxiv.org/abs/2307.03718',
    });
    expect(freeAtSource('http://www.rfc-editor.org/info/rfc1591')).toBe('https://www.rfc-editor.org/info/rfc1591');
    expect(freeAtSource('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679')).toMatch(/^https:/);
    expect(freeAtSource('https://www.un.org/ai-advisory-body')).toBe('https://www.un.org/ai-advisory-body');
  });

  it('offers nothing for a work with neither a DOI nor a free address, and never a look-alike host', () => {
    expect(freeCopyFor({ url: 'https://academic.oup.com/jiel/article/21/2/245/4992490' })).toBeUndefined();
    expect(freeCopyFor({})).toBeUndefined();
    expect(freeAtSource('https://arxiv.org.evil.example/abs/1')).toBeUndefined();
    expect(freeAtSource('https://notarxiv.org/abs/1')).toBeUndefined();
    expect(freeAtSource('javascript:alert(1)//arxiv.org')).toBeUndefined();
  });

  it('gives every dictionary work with a DOI a free-copy address', { timeout: 30_000 }, () => {
    const refs = Object.values(builtDictionary().data.references);
    const withDoi = refs.filter((r) => r.doi);
    expect(withDoi.length).toBeGreaterThan(100);
    for (const r of withDoi) {
      expect(freeCopyFor(r)?.url, r.key).toBe(freeAtSource(r.url) ?? unpaywallUrl(r.doi ?? ''));
    }
  });
});
