import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/core/compile-matcher.js';
import { decodeGuard, encodeGuard, parseCompiledMatcher } from '../../../src/core/compiled-matcher.js';
import { Matcher } from '../../../src/core/match.js';
import { normalizePhrase } from '../../../src/core/normalize.js';
import { builtDictionary } from '../built-dictionary.js';

describe('parseCompiledMatcher (the copy content scripts read from storage)', () => {
  const json = builtDictionary().matcherJson;

  it('accepts the built dictionary and matches with it', () => {
    const compiled = parseCompiledMatcher(json);
    const m = new Matcher(compiled);
    const found = m.findAll('The IANA transition ended in 2016.').map((x) => compiled.terms[x.term]);
    expect(found).toEqual(['iana-transition']);
  });

  it('refuses a damaged copy and names what is wrong', () => {
    const good = JSON.parse(json) as Record<string, unknown>;
    const damaged = (change: (o: Record<string, unknown>) => void): string => {
      const o = structuredClone(good);
      change(o);
      return JSON.stringify(o);
    };
    expect(() => parseCompiledMatcher('{"format":1,"trie":')).toThrow(SyntaxError);
    expect(() => parseCompiledMatcher('[]')).toThrow(/format/);
    expect(() => parseCompiledMatcher(damaged((o) => (o.format = 1)))).toThrow(/format/);
    expect(() => parseCompiledMatcher(damaged((o) => delete o.trie))).toThrow(/trie/);
    expect(() =>
      parseCompiledMatcher(
        damaged((o) => {
          const trie = o.trie as Record<string, string>;
          trie.blockEdges = (trie.blockEdges as string).slice(4);
        }),
      ),
    ).toThrow(/trie/);
    expect(() => parseCompiledMatcher(damaged((o) => (o.terms = [1, 2])))).toThrow(/terms/);
    expect(() => parseCompiledMatcher(damaged((o) => (o.patternGuard = [])))).toThrow(/patternGuard/);
    expect(() => parseCompiledMatcher(damaged((o) => (o.patternTerm = (o.patternTerm as number[]).slice(1))))).toThrow(
      /pattern tables/,
    );
  });

  it("accepts what compileMatcher makes at run time (the reader's own terms)", () => {
    const { matcher } = compileMatcher([{ id: 'x', category: 'c', label: 'X', aliases: ['zettabyte era'] }]);
    expect(parseCompiledMatcher(JSON.stringify(matcher)).terms).toEqual(['x']);
  });
});

describe('guards kept as JSON text', () => {
  const { matcher: compiled } = compileMatcher([
    {
      id: 'igf',
      category: 'c',
      label: 'IGF',
      aliases: [
        { text: 'IGF', guard: { near: [], notNear: ['insulin'], notFollowedBy: [], notPrecededBy: [], window: 8 } },
      ],
    },
    { id: 'icann', category: 'c', label: 'ICANN', aliases: ['ICANN'] },
  ]);
  const ids = (m: Matcher, text: string) => m.findAll(text).map((x) => m.data.terms[x.term]);

  it('are parsed when a candidate needs them, and applied', () => {
    expect(compiled.guards).toHaveLength(1);
    expect(typeof compiled.guards[0]).toBe('string');
    const m = new Matcher(compiled);
    expect(ids(m, 'The IGF met; ICANN too.')).toEqual(['igf', 'icann']);
    expect(ids(m, 'insulin-like growth factor IGF; ICANN')).toEqual(['icann']);
  });

  it('a damaged guard lets no candidate through and breaks nothing else', () => {
    const m = new Matcher({ ...compiled, guards: ['{"near":'] });
    expect(ids(m, 'The IGF met; ICANN too.')).toEqual(['icann']);
  });
});

describe('guard encoding', () => {
  const guard = {
    near: ['internet', "don't panic"],
    nearCased: ['UN'],
    notNear: [],
    notNearCased: ['IGF-1'.replace('-', ' ')],
    notFollowedBy: ['levels'],
    notPrecededBy: [],
    window: 12,
  };

  it('decodes what it encodes, without characters JSON must escape', () => {
    const text = encodeGuard(guard);
    expect(decodeGuard(text)).toEqual(guard);
    expect(JSON.stringify(text)).toBe(`"${text}"`);
  });

  it('refuses damaged text', () => {
    for (const bad of ['', '12', encodeGuard(guard).slice(3), `0${encodeGuard(guard).slice(2)}`, 'x-a-b-c-d-e-f'])
      expect(decodeGuard(bad)).toBeNull();
  });

  it('its separators never occur in a normalised phrase (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (s, lower) => {
        const p = normalizePhrase(s, lower);
        expect(p.includes('-') || p.includes('`')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('damaged pattern entries (checked where they are read)', () => {
  const { matcher: compiled } = compileMatcher([
    { id: 'iana', category: 'c', label: 'IANA', aliases: ['IANA'] },
    { id: 'icann', category: 'c', label: 'ICANN', aliases: ['ICANN'] },
  ]);
  const ids = (m: Matcher, text: string) => m.findAll(text).map((x) => m.data.terms[x.term]);
  const text = 'IANA and ICANN';

  it('a pattern whose term, alias or end state is not a number reports nothing; the others still match', () => {
    expect(ids(new Matcher(compiled), text)).toEqual(['iana', 'icann']);
    const bad: unknown[] = ['0', 7, -1, 0.5, null];
    for (const value of bad) {
      const term = [...compiled.patternTerm] as unknown[];
      term[0] = value;
      expect(ids(new Matcher({ ...compiled, patternTerm: term as number[] }), text)).toEqual(['icann']);
      const ends = [...compiled.trie.patternEnds] as unknown[];
      ends[0] = value === 7 ? 1e9 : value;
      expect(
        ids(new Matcher({ ...compiled, trie: { ...compiled.trie, patternEnds: ends as number[] } }), text),
      ).toEqual(['icann']);
    }
    const alias = [...compiled.patternAlias] as unknown[];
    alias[compiled.patternTerm.indexOf(1)] = 'x';
    expect(ids(new Matcher({ ...compiled, patternAlias: alias as number[] }), text)).toEqual(['iana']);
  });
});
