import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/core/compile-matcher.js';
import { PageMatcher } from '../../../src/core/page-matcher.js';
import { personalMatcherTerms } from '../../../src/core/personal-terms.js';

const dictionary = compileMatcher([
  { id: 'icann', label: 'ICANN', category: 'institutions', aliases: ['ICANN'] },
  { id: 'net-neutrality', label: 'Net neutrality', category: 'models', aliases: ['net neutrality'] },
]).matcher;

const mine = compileMatcher(
  personalMatcherTerms([{ id: 'my-eucs', label: 'EUCS', aliases: ['EUCS', 'sovereign cloud'] }]),
).matcher;

describe('PageMatcher', () => {
  it('finds dictionary and personal terms in one index space', () => {
    const m = new PageMatcher(dictionary, mine);
    const text = 'ICANN, net neutrality and the EUCS sovereign cloud.';
    expect(m.findAll(text).map((x) => [m.data.terms[x.term], text.slice(x.start, x.end)])).toEqual([
      ['icann', 'ICANN'],
      ['net-neutrality', 'net neutrality'],
      ['my-eucs', 'EUCS'],
      ['my-eucs', 'sovereign cloud'],
    ]);
    expect(m.isPersonal(2)).toBe(true);
    expect(m.isPersonal(1)).toBe(false);
  });

  it('switches personal terms off like the others', () => {
    const m = new PageMatcher(dictionary, mine);
    m.setDisabledTerms(['my-eucs']);
    expect(m.findAll('EUCS and ICANN').map((x) => m.data.terms[x.term])).toEqual(['icann']);
  });

  it('is the dictionary matcher when there are no personal terms', () => {
    const m = new PageMatcher(dictionary);
    expect(m.data.terms).toEqual(['icann', 'net-neutrality']);
  });
});
