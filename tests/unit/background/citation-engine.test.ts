import { describe, expect, it } from 'vitest';
import { styleList, styleReference } from '../../../src/background/citation-engine.js';
import type { Reference } from '../../../src/core/dictionary-data.js';

const keys: Reference = {
  key: 'abelson2015keys',
  type: 'article',
  authors: [
    { family: 'Abelson', given: 'Harold' },
    { family: 'Anderson', given: 'Ross' },
  ],
  editors: [],
  title: 'Keys under doormats: mandating insecurity by requiring government access to all data and communications',
  year: 2015,
  container: 'Journal of Cybersecurity',
  volume: '1',
  issue: '1',
  pages: '69--79',
  doi: '10.1093/cybsec/tyv009',
  bibtex: '',
};

describe('the CSL engine (citation-js with citeproc)', () => {
  it('formats APA 7 with its bundled style', () => {
    expect(styleReference(keys, 'apa')).toBe(
      'Abelson, H., & Anderson, R. (2015). Keys under doormats: mandating insecurity by requiring government access to all data and communications. Journal of Cybersecurity, 1(1), 69–79. https://doi.org/10.1093/cybsec/tyv009',
    );
  });

  it('formats Chicago author-date with the CSL project’s style', () => {
    expect(styleReference(keys, 'chicago')).toBe(
      'Abelson, Harold, and Ross Anderson. 2015. “Keys under Doormats: Mandating Insecurity by Requiring Government Access to All Data and Communications.” Journal of Cybersecurity 1 (1): 69–79. https://doi.org/10.1093/cybsec/tyv009.',
    );
  });

  it('formats a list sorted by the style, one reference per line', () => {
    const other: Reference = { ...keys, key: 'aaa', authors: [{ family: 'Aaronson', given: 'S.' }], title: 'Another' };
    const lines = styleList([keys, other], 'apa').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Aaronson/);
    expect(styleList([], 'apa')).toBe('');
  });
});
