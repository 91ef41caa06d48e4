import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/core/compile-matcher.js';
import { Matcher } from '../../../src/core/match.js';
import {
  classifyLink,
  parsePersonalTerms,
  personalId,
  personalMatcherTerms,
  validatePersonalTerm,
} from '../../../src/core/personal-terms.js';

const taken = new Map([['icann', 'ICANN']]);
const good = {
  label: 'Sovereign cloud',
  aliases: ['sovereign cloud', 'EUCS'],
  note: 'EU certification scheme debate.',
  links: ['10.1177/0305829814562655'],
};

describe('personal terms', () => {
  it('accepts a well-formed term', () => {
    expect(validatePersonalTerm(good, taken)).toEqual({});
  });

  it('names the field of each problem', () => {
    expect(validatePersonalTerm({ ...good, label: ' ' }, taken)).toEqual({ label: 'label-too-short' });
    expect(validatePersonalTerm({ ...good, aliases: [] }, taken)).toEqual({ aliases: 'aliases-missing' });
    expect(validatePersonalTerm({ ...good, aliases: ['x'] }, taken)).toEqual({ aliases: 'alias-length' });
    expect(validatePersonalTerm({ ...good, aliases: ['Icann'] }, taken)).toEqual({
      aliases: 'alias-taken:Icann:ICANN',
    });
    expect(validatePersonalTerm({ ...good, links: ['ftp://x.org/a'] }, taken)).toEqual({
      links: 'link-invalid:ftp://x.org/a',
    });
    expect(validatePersonalTerm({ ...good, note: 'n'.repeat(1001) }, taken)).toEqual({ note: 'note-too-long' });
  });

  it('classifies links', () => {
    expect(classifyLink('https://doi.org/10.1000/xyz')).toEqual({ kind: 'doi', value: '10.1000/xyz' });
    expect(classifyLink('doi: 10.1000/xyz')).toEqual({ kind: 'doi', value: '10.1000/xyz' });
    expect(classifyLink('978-0-300-18135-7')).toEqual({ kind: 'isbn', value: '9780300181357' });
    expect(classifyLink('978-0-300-18135-8')).toBeNull();
    expect(classifyLink('https://example.org/paper')).toEqual({ kind: 'url', value: 'https://example.org/paper' });
    expect(classifyLink('javascript:alert(1)')).toBeNull();
  });

  it('makes unique ids', () => {
    expect(personalId('Sovereign Cloud!', new Set())).toBe('my-sovereign-cloud');
    expect(personalId('Sovereign Cloud', new Set(['my-sovereign-cloud']))).toBe('my-sovereign-cloud-2');
  });

  it('keeps well-formed stored terms and drops the rest', () => {
    const stored = [
      { id: 'my-a', label: 'A term', aliases: ['alpha term'], note: '', links: [] },
      { id: 'my-b', label: 'B', aliases: ['beta term'], note: '', links: [] },
      { id: 'not-mine', label: 'C term', aliases: ['gamma term'], note: '', links: [] },
      'garbage',
      { id: 'my-a', label: 'Duplicate', aliases: ['delta term'], note: '', links: [] },
    ];
    const parsed = parsePersonalTerms(stored);
    expect(parsed.terms.map((t) => t.id)).toEqual(['my-a']);
    expect(parsed.dropped).toBe(4);
    expect(parsePersonalTerms('{"not":"an array"}')).toEqual({ terms: [], dropped: 1 });
  });

  it('compiles into a matcher of its own that finds them as written', () => {
    const { matcher, problems } = compileMatcher(personalMatcherTerms([{ id: 'my-sc', ...good }]));
    expect(problems).toEqual([]);
    const m = new Matcher(matcher);
    const text = 'The sovereign clouds debate and EUCS, but not eucs.';
    expect(m.findAll(text).map((x) => text.slice(x.start, x.end))).toEqual(['sovereign clouds', 'EUCS']);
  });
});
