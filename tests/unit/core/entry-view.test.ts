import { describe, expect, it } from 'vitest';
import type { DictionaryData, TermEntry } from '../../../src/core/dictionary-data.js';
import { entryIndex, entryView } from '../../../src/core/entry-view.js';

const debate: TermEntry = {
  id: 'online-safety',
  label: 'Online safety',
  category: 'rights',
  aliases: ['online safety'],
  definition: 'Rules that make platforms protect their users from harm.',
  kind: 'debate',
  reviewed: '2026-11-25',
  positions: [
    { stance: 'Duties of care work', summary: 'A says so. B agrees.', holders: ['A (2020)'], cites: ['a2020'] },
    {
      stance: 'Speech pays the price',
      summary: 'C disagrees. D too.',
      holders: ['C (2021)'],
      cites: ['c2021', 'a2020'],
    },
  ],
  debates: [],
  related: [],
};
const reference: TermEntry = {
  id: 'ofcom',
  label: 'Ofcom',
  category: 'institutions',
  aliases: ['Ofcom'],
  definition: 'The UK communications regulator.',
  kind: 'reference',
  status: 'Enforces the Online Safety Act since 2025.',
  source: { title: 'Ofcom', url: 'https://www.ofcom.org.uk/' },
  reviewed: '2026-12-02',
  positions: [],
  debates: ['online-safety', 'gone-term'],
  related: ['online-safety'],
};
const ref = (key: string, year: number) => ({
  key,
  type: 'article',
  authors: [{ family: key.slice(0, 1).toUpperCase() }],
  editors: [],
  title: `Work ${key}`,
  year,
  doi: `10.1000/${key}`,
  bibtex: `@article{${key}}`,
});
const dict: DictionaryData = {
  format: 2,
  categories: [
    { id: 'rights', label: 'Rights' },
    { id: 'institutions', label: 'Institutions' },
  ],
  terms: [debate, reference],
  references: { a2020: ref('a2020', 2020), c2021: ref('c2021', 2021) },
};

describe('entryView', () => {
  const index = entryIndex(dict);

  it('leads a reference entry to its debates with their stance headlines, skipping unknown ids', () => {
    const view = entryView(index, reference);
    expect(view.debates).toEqual([
      { id: 'online-safety', label: 'Online safety', stances: ['Duties of care work', 'Speech pays the price'] },
    ]);
    expect(view.categoryLabel).toBe('Institutions');
    expect(view.relatedLabels).toEqual({ 'online-safety': 'Online safety' });
    expect(view.references).toEqual([]);
  });

  it('gives a debate entry each cited work once, with its citations and lookups', () => {
    const view = entryView(index, debate);
    expect(view.references.map((r) => r.key)).toEqual(['a2020', 'c2021']);
    expect(view.references[0]?.lookups.scholar.url).toBe('https://doi.org/10.1000/a2020');
    expect(view.debates).toEqual([]);
  });
});
