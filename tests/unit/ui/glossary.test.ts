import { describe, expect, it } from 'vitest';
import { alsoWrittenAs, buildGlossary, termIdFromHash } from '../../../src/ui/glossary/glossary-data.js';
import { foldForSearch, matchesQuery, searchDoc } from '../../../src/ui/components/search.js';
import { readFilters, writeFilters } from '../../../src/ui/glossary/url-state.js';
import { builtDictionary } from '../built-dictionary.js';

const dict = builtDictionary().data;

describe('search', () => {
  it('folds case, accents and punctuation', () => {
    expect(foldForSearch('  Données—Personnelles! ')).toBe('donnees personnelles');
  });
  it('needs every word, in any order, or the whole query without spaces', () => {
    const doc = searchDoc(['Multistakeholder model', 'multi-stakeholder governance', 'Who decides on the internet?']);
    expect(matchesQuery(doc, '')).toBe(true);
    expect(matchesQuery(doc, 'MODEL multistakeholder')).toBe(true);
    expect(matchesQuery(doc, 'multi stakeholder')).toBe(true);
    expect(matchesQuery(doc, 'multi-stakeholder model')).toBe(true);
    expect(matchesQuery(doc, 'decides internet')).toBe(true);
    expect(matchesQuery(doc, 'sovereignty')).toBe(false);
  });
  it('does not join words across fields', () => {
    expect(matchesQuery(searchDoc(['net', 'work']), 'network')).toBe(false);
  });
});

describe('glossary data', () => {
  const glossary = buildGlossary(dict);
  it('has every term, alphabetically, with the totals', () => {
    expect(glossary.terms).toHaveLength(dict.terms.length);
    const labels = glossary.terms.map((t) => t.data.entry.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(glossary.stats.positions).toBe(dict.terms.reduce((n, t) => n + t.positions.length, 0));
    expect(glossary.stats.works).toBe(new Set(dict.terms.flatMap((t) => t.positions.flatMap((p) => p.cites))).size);
  });
  it('gives each term the references its positions cite', () => {
    const icann = glossary.byId.get('icann');
    expect(icann?.data.categoryLabel).toBe('Institutions and fora');
    const cited = new Set(icann?.data.entry.positions.flatMap((p) => p.cites));
    expect(new Set(icann?.data.references.map((r) => r.key))).toEqual(cited);
  });
  it('lists other spellings once, not the label again', () => {
    expect(
      alsoWrittenAs({ label: 'ICANN', aliases: ['ICANN', 'Icann', 'Internet Corporation', 'internet corporation'] }),
    ).toEqual(['Internet Corporation']);
  });
  it('reads #term-<id> fragments', () => {
    expect(termIdFromHash('#term-icann')).toBe('icann');
    expect(termIdFromHash('#term-')).toBeNull();
    expect(termIdFromHash('#icann')).toBeNull();
    expect(termIdFromHash('#term-<b>')).toBeNull();
  });
});

describe('filters in the URL', () => {
  const ids = new Set(['security', 'law']);
  it('reads q and a known category', () => {
    expect(readFilters('?q=%20ICANN%20%20board&category=law', ids)).toEqual({ q: 'ICANN board', category: 'law' });
    expect(readFilters('?category=nope', ids)).toEqual({ q: '', category: '' });
  });
  it('writes only what is set and keeps other parameters', () => {
    expect(writeFilters('?q=old', { q: '', category: '' })).toBe('');
    expect(writeFilters('?x=1', { q: 'a&b', category: 'law' })).toBe('?x=1&q=a%26b&category=law');
  });
});
