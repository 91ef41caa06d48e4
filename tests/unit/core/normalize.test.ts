import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isIgnorableCode,
  isWordCode,
  normalizePhrase,
  normalizeText,
  normalizeWithMap,
} from '../../../src/core/normalize.js';

describe('normalizeWithMap', () => {
  it('folds case, dashes, spaces, apostrophes and drops invisible characters', () => {
    expect(normalizeWithMap('Multi\u2011Stake\u00ADholder\u00A0Model’s').text).toBe("multi stakeholder model's");
    expect(normalizeWithMap('a \n\t - b').text).toBe('a b');
    expect(normalizeWithMap('ICANN\u200B').text).toBe('icann');
  });

  it('applies compatibility forms (ligatures, full-width letters)', () => {
    expect(normalizeWithMap('\uFB01rewall').text).toBe('firewall');
    expect(normalizeWithMap('\uFF29\uFF23\uFF21\uFF2E\uFF2E').text).toBe('icann');
  });

  it('keeps case when asked', () => {
    expect(normalizeWithMap('IGF-Forum', false).text).toBe('IGF Forum');
  });

  it('maps every normalised character back to the original characters it came from', () => {
    const source = 'The Multi\u2011Stake\u00ADholder  model';
    const n = normalizeWithMap(source);
    const at = n.text.indexOf('multi stakeholder');
    const start = n.starts[at] as number;
    const end = n.ends[at + 'multi stakeholder'.length - 1] as number;
    expect(source.slice(start, end)).toBe('Multi\u2011Stake\u00ADholder');
  });

  it('offsets are monotone and inside the source (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const n = normalizeWithMap(s);
        expect(n.starts.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          const st = n.starts[i] as number;
          const en = n.ends[i] as number;
          expect(st).toBeGreaterThanOrEqual(0);
          expect(en).toBeGreaterThan(st);
          expect(en).toBeLessThanOrEqual(s.length);
          if (i > 0) expect(st).toBeGreaterThanOrEqual(n.starts[i - 1] as number);
        }
      }),
    );
  });

  it('normalising twice changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = normalizePhrase(s);
        expect(normalizePhrase(once)).toBe(once);
      }),
    );
  });
});

describe('normalizeText', () => {
  // Mostly ASCII, so that both its fast path (plain ASCII, single spaces) and the general one are taken.
  const pieces = [
    'Internet',
    'ICANN',
    'a',
    ' ',
    '  ',
    '-',
    '`',
    "'",
    '\t',
    '\n',
    'é',
    '\u00A0',
    '\u00AD',
    '\uFB01',
    '.',
  ];
  it('is the text of normalizeWithMap, in either case mode (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.boolean(), (parts, lower) => {
        const s = parts.join('');
        expect(normalizeText(s, lower)).toBe(normalizeWithMap(s, lower).text);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isWordCode fast paths', () => {
  it('agrees with the Unicode properties on Latin-1 and General Punctuation', () => {
    const property = /[\p{L}\p{N}\p{M}]/u;
    for (let c = 0x80; c <= 0x206f; c++) {
      if (c > 0xff && c < 0x2000) continue;
      if (isIgnorableCode(c)) continue;
      expect(isWordCode(c), `U+${c.toString(16)}`).toBe(property.test(String.fromCharCode(c)));
    }
  });
});
