import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliasSpec, pluralOf } from '../../../src/build/compile-dictionary.js';
import { aliasSchema, type AliasInput } from '../../../src/build/dictionary-schema.js';
import { type Match, selectLongestLeftmost } from '../../../src/core/match.js';
import { isWordCode, normalizePhrase, normalizeWithMap } from '../../../src/core/normalize.js';
import { matcherFor } from './test-matcher.js';

const found = (terms: Record<string, AliasInput[]>, text: string): string[] => {
  const m = matcherFor(terms);
  return m.findAll(text).map((x) => `${m.data.terms[x.term]}:${text.slice(x.start, x.end)}`);
};

describe('Matcher', () => {
  const governance = {
    msm: ['multistakeholder', 'multi-stakeholder'],
    ig: ['internet governance'],
    igf: [
      'Internet Governance Forum',
      {
        text: 'IGF',
        guard: {
          near: ['internet', 'forum', 'governance', 'UN'],
          notNear: ['growth factor'],
          notFollowedBy: [],
          notPrecededBy: [],
          window: 25,
        },
      },
    ],
    itu: ['ITU'],
    iana: ['IANA'],
    icann: ['ICANN'],
    rir: ['Regional Internet Registry', 'RIR'],
  } satisfies Record<string, AliasInput[]>;

  it('matches every written variant of a hyphenated term', () => {
    const text =
      'multi-stakeholder, multi\u2011stakeholder, Multi Stakeholder, multi\u2013stakeholder, multistakeholder';
    expect(found(governance, text)).toEqual([
      'msm:multi-stakeholder',
      'msm:multi\u2011stakeholder',
      'msm:Multi Stakeholder',
      'msm:multi\u2013stakeholder',
      'msm:multistakeholder',
    ]);
  });

  it('matches across soft hyphens, zero-width spaces and line breaks, covering the original characters', () => {
    expect(found(governance, 'the inter\u00ADnet\ngover\u200Bnance debate')).toEqual([
      'ig:inter\u00ADnet\ngover\u200Bnance',
    ]);
  });

  it('matches whole words only', () => {
    expect(found(governance, 'ITUNES and IANAL and xICANN')).toEqual([]);
    expect(found(governance, '(ITU), "IANA", ICANN.')).toEqual(['itu:ITU', 'iana:IANA', 'icann:ICANN']);
  });

  it('keeps acronyms case-sensitive', () => {
    expect(found(governance, 'itu Itu ITU')).toEqual(['itu:ITU']);
  });

  it('matches possessives and derived plurals', () => {
    expect(found(governance, "ICANN's board and ICANN’s staff")).toEqual(['icann:ICANN', 'icann:ICANN']);
    expect(found(governance, 'Regional Internet Registries and RIRs')).toEqual([
      'rir:Regional Internet Registries',
      'rir:RIRs',
    ]);
  });

  it('lets the longest match win where aliases overlap', () => {
    expect(found(governance, 'the Internet Governance Forum met')).toEqual(['igf:Internet Governance Forum']);
    expect(found(governance, 'internet governance forums')).toEqual(['igf:internet governance forums']);
  });

  it('applies guards', () => {
    expect(found(governance, 'The IGF met in Kyoto to discuss internet policy.')).toEqual(['igf:IGF']);
    expect(found(governance, 'Insulin-like growth factor (IGF) levels rose.')).toEqual([]);
    expect(found(governance, 'IGF levels rose in the patients.')).toEqual([]);
  });

  it('matches non-Latin-script neighbours correctly (no ASCII \\b)', () => {
    expect(found(governance, 'éICANN ICANNé ICANN')).toEqual(['icann:ICANN']);
  });

  it('honours disabled terms', () => {
    const m = matcherFor(governance);
    m.setDisabledTerms(['icann']);
    expect(m.findAll('ICANN and IANA').map((x) => m.data.terms[x.term])).toEqual(['iana']);
  });
});

describe('pluralOf', () => {
  it('derives English plurals of the last word', () => {
    expect(pluralOf('regional internet registry')).toBe('regional internet registries');
    expect(pluralOf('RIR')).toBe('RIRs');
    expect(pluralOf('botnet')).toBe('botnets');
    expect(pluralOf('internet exchange')).toBe('internet exchanges');
    expect(pluralOf('Section 230')).toBeUndefined();
    expect(pluralOf('day')).toBe('days');
  });
});

// A naive reference: normalise the whole text, search every pattern with indexOf, check boundaries.
function naive(terms: Record<string, AliasInput[]>, text: string): Match[] {
  const lower = normalizeWithMap(text, true);
  const out: Match[] = [];
  Object.values(terms).forEach((aliases, term) => {
    const seen = new Set<string>();
    aliases.forEach((a, alias) => {
      const spec = aliasSpec(aliasSchema.parse(a));
      const forms = [spec.text, ...(spec.plural && pluralOf(spec.text) ? [pluralOf(spec.text) as string] : [])];
      for (const form of forms) {
        const p = normalizePhrase(form);
        if (seen.has(p)) continue;
        seen.add(p);
        for (let at = lower.text.indexOf(p); at >= 0; at = lower.text.indexOf(p, at + 1)) {
          const start = lower.starts[at] as number;
          const end = lower.ends[at + p.length - 1] as number;
          const before = text.slice(0, start).replace(/[\u00AD\u200B-\u200D\u2060\uFEFF\u180E]+$/, '');
          const after = text.slice(end).replace(/^[\u00AD\u200B-\u200D\u2060\uFEFF\u180E]+/, '');
          if (before.length && isWordCode(before.charCodeAt(before.length - 1))) continue;
          if (after.length && isWordCode(after.charCodeAt(0))) continue;
          if (spec.caseSensitive && normalizePhrase(text.slice(start, end), false) !== normalizePhrase(form, false))
            continue;
          out.push({ start, end, term, alias });
        }
      }
    });
  });
  return selectLongestLeftmost(out);
}

describe('Matcher against a naive reference (property)', () => {
  const terms: Record<string, AliasInput[]> = {
    a: ['internet governance', 'IG'],
    b: ['Internet Governance Forum', 'gov forum'],
    c: ['multi-stakeholder', 'stakeholder'],
    d: ['net neutrality', 'neutral net'],
    e: ['ICANN', 'IANA'],
    f: ['aa', 'aaa a'],
  };
  const m = matcherFor(terms);
  const pieces = [
    'internet',
    'Internet',
    'governance',
    'GOVERNANCE',
    'forum',
    'Forum',
    'IG',
    'ig',
    'gov',
    'multi',
    'stake',
    'holder',
    'stakeholder',
    'net',
    'neutral',
    'neutrality',
    'ICANN',
    'Icann',
    'IANA',
    'a',
    'aa',
    'A',
    's',
    "'s",
    ' ',
    '  ',
    '-',
    '\u2011',
    '\u2013',
    '\u00AD',
    '\u200B',
    '\u00A0',
    '\n',
    '.',
    ',',
    '(',
    ')',
    'é',
    '\u0130',
    '\uFB01',
    'x',
  ];
  it('returns exactly what the naive matcher returns', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const got = m.findAll(text).map((x) => [x.start, x.end, x.term]);
        const want = naive(terms, text).map((x) => [x.start, x.end, x.term]);
        expect(got).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });

  it('every reported range normalises to one of its term’s forms', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const x of m.findAll(text)) {
          const covered = normalizePhrase(text.slice(x.start, x.end));
          const spec = aliasSpec(aliasSchema.parse(Object.values(terms)[x.term]?.[x.alias]));
          const forms = [spec.text, pluralOf(spec.text) ?? ''].map((f) => normalizePhrase(f));
          expect(forms).toContain(covered);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
