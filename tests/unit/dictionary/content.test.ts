// Meta-tests over the real dictionary: size, coverage and the rules a reader's trust depends on.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDictionary } from '../../../src/build/compile-dictionary.js';
import { formatProblem, loadDictionary } from '../../../src/build/load-dictionary.js';

const loaded = loadDictionary(join(import.meta.dirname, '..', '..', '..', 'dictionary'));
const compiled = compileDictionary(loaded);

describe('the bundled dictionary', () => {
  it('validates and compiles without problems', () => {
    expect([...loaded.problems, ...compiled.problems].map(formatProblem)).toEqual([]);
  });

  it('has at least 450 terms, at least 230 of them debate entries, across at least 7 categories', () => {
    expect(loaded.terms.length).toBeGreaterThanOrEqual(450);
    expect(loaded.terms.filter((t) => t.kind === 'debate' && t.positions.length >= 2).length).toBeGreaterThanOrEqual(230);
    expect(new Set(loaded.terms.map((t) => t.category)).size).toBeGreaterThanOrEqual(7);
  });

  it('gives every debate entry 2-4 positions, each citing a reachable work', () => {
    for (const t of loaded.terms) {
      if (t.kind === 'debate') expect(t.positions.length, t.id).toBeGreaterThanOrEqual(2);
      for (const p of t.positions) {
        expect(p.cites.length, t.id).toBeGreaterThan(0);
        for (const key of p.cites) {
          const r = loaded.references[key];
          expect(r && (r.doi || r.isbn || r.url), `${t.id}: ${key}`).toBeTruthy();
        }
      }
    }
  });

  it('cites each work under one key only (no duplicate titles among cited works)', () => {
    const cited = new Set(loaded.terms.flatMap((t) => t.positions.flatMap((p) => p.cites)));
    const byTitle = new Map<string, string>();
    const clashes: string[] = [];
    for (const key of cited) {
      const r = loaded.references[key];
      if (!r) continue;
      const title = `${r.type} ${r.title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} ${r.year ?? ''}`;
      const other = byTitle.get(title);
      if (other) clashes.push(`${other} = ${key}`);
      else byTitle.set(title, key);
    }
    expect(clashes).toEqual([]);
  });

  it('cites the three source papers where they belong', () => {
    const citing = (key: string) => loaded.terms.filter((t) => t.positions.some((p) => p.cites.includes(key))).map((t) => t.id);
    expect(citing('carr2015powerplays')).toContain('multistakeholder-model');
    expect(citing('broeders2015publiccore')).toContain('public-core-of-the-internet');
    expect(citing('savage2015exploring')).toContain('multistakeholder-model');
  });

  it('dates every entry and gives every reference entry its primary source and a debate', () => {
    for (const t of loaded.terms) {
      expect(t.reviewed, t.id).toMatch(/^20\d\d-\d\d-\d\d$/);
      if (t.kind === 'reference') {
        expect(t.source?.url, t.id).toMatch(/^https:\/\//);
        expect(t.debates.length, t.id).toBeGreaterThan(0);
      }
    }
  });

  it('gives every position a summary of two to four sentences', () => {
    // Sentence ends: a full stop, ? or ! followed by a space and a capital, or the end (initials excepted).
    const sentences = (s: string): number =>
      s.trim().split(/(?<![A-Z]\.|\b(?:e\.g|i\.e|et al|cf|vs|No|Art|U\.S))[.!?](?=\s+[A-Z"'‘“(]|\s*$)/).filter((x) => x.trim()).length;
    const short = loaded.terms.flatMap((t) => t.positions.filter((p) => sentences(p.summary) < 2).map((p) => `${t.id}: ${p.stance}`));
    expect(short).toEqual([]);
  });

  it('never pastes one summary into two positions', () => {
    const seen = new Map<string, string>();
    const pasted: string[] = [];
    for (const t of loaded.terms)
      for (const p of t.positions) {
        const key = p.summary.toLowerCase().replace(/\s+/g, ' ').trim();
        const other = seen.get(key);
        if (other) pasted.push(`${other} = ${t.id}`);
        else seen.set(key, t.id);
      }
    expect(pasted).toEqual([]);
  });

  it('never uses a bare generic word as an alias', () => {
    const generic = /^(root|core|internet|network|data|web|online|cyber|security|privacy|surveillance|governance)$/i;
    for (const t of loaded.terms) for (const a of t.aliases) expect(generic.test(typeof a === 'string' ? a : a.text), t.id).toBe(false);
  });
});
