import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { words } from '../../../src/core/match.js';
import { normalizeText } from '../../../src/core/normalize.js';

// The definition words() replaced: a Unicode property RegExp (too slow to compile on every page load).
const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;
function reference(text: string, lower: boolean): string[] {
  return (normalizeText(text, lower).match(WORD) ?? []).map((w) => w.replace(/'s$/i, ''));
}

describe('words (guard windows)', () => {
  it('splits on separators and keeps inner apostrophes', () => {
    expect(words("The NSA's don't-care  policy’s reach, ICANN.", false)).toEqual([
      'The',
      'NSA',
      "don't",
      'care',
      'policy',
      'reach',
      'ICANN',
    ]);
    expect(words('Ünïcode 𝒜lpha 😀 x', true)).toEqual(['ünïcode', '𝒜lpha', 'x']);
  });

  it('agrees with the Unicode property RegExp on random text', () => {
    const pieces = [
      'a',
      'Z',
      '9',
      "'",
      "'s",
      ' ',
      '-',
      '.',
      'é',
      '\u0301',
      '’',
      '\u00ad',
      '😀',
      '𝒜',
      '\ud800',
      '\udc00',
      'ß',
      'ﬁ',
      '中',
      '١',
      'S',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.boolean(), (parts, lower) => {
        const text = parts.join('');
        expect(words(text, lower)).toEqual(reference(text, lower));
      }),
      { numRuns: 3000 },
    );
  });
});
