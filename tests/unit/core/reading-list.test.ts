import { join } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import type { DictionaryData } from '../../../src/core/dictionary-data.js';
import { buildReadingList, toApaList, toBibtexFile, toRis, toRisFile } from '../../../src/core/reading-list.js';
import { compileDictionary } from '../../../src/build/compile-dictionary.js';
import { loadDictionary } from '../../../src/build/load-dictionary.js';

const data: DictionaryData = compileDictionary(
  loadDictionary(join(import.meta.dirname, '..', '..', '..', 'dictionary')),
).data;
const three = ['multistakeholder-model', 'public-core-of-the-internet', 'internet-governance'];

function citedBy(ids: string[]): Set<string> {
  return new Set(data.terms.filter((t) => ids.includes(t.id)).flatMap((t) => t.positions.flatMap((p) => p.cites)));
}

describe('buildReadingList', () => {
  it('a page with three known terms yields exactly the union of their references, once each', () => {
    const list = buildReadingList(three, data);
    expect(new Set(list.references.map((r) => r.key))).toEqual(citedBy(three));
    expect(list.references.length).toBe(new Set(list.references.map((r) => r.key)).size);
    expect(list.groups.map((g) => g.termId)).toEqual(three);
    // denardis2014global is cited by two of the three terms: listed under both, exported once.
    expect(list.groups.filter((g) => g.references.some((r) => r.key === 'denardis2014global'))).toHaveLength(2);
    expect(list.references.filter((r) => r.key === 'denardis2014global')).toHaveLength(1);
  });

  it('ignores unknown ids', () => {
    expect(buildReadingList(['no-such-term'], data)).toEqual({ groups: [], references: [] });
  });
});

describe('exports parse back to the same entries', () => {
  const list = buildReadingList(three, data);

  it('BibTeX, with a maintained BibTeX parser', () => {
    const parsed = parse(toBibtexFile(list), { sentenceCase: false, english: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.key)).toEqual(list.references.map((r) => r.key));
    for (const [i, e] of parsed.entries.entries()) {
      const r = list.references[i];
      expect(e.fields.title).toBe(r?.title);
      expect(e.fields.doi).toBe(r?.doi);
    }
  });

  it('RIS, with citation-js', () => {
    const ris = toRisFile(list);
    const items = new Cite(plugins.input.chain(ris, { generateGraph: false })).data as {
      title?: string;
      DOI?: string;
      ISBN?: string;
      issued?: { 'date-parts'?: number[][] };
      author?: { family?: string; literal?: string }[];
    }[];
    expect(items).toHaveLength(list.references.length);
    for (const [i, item] of items.entries()) {
      const r = list.references[i];
      expect(item.title).toBe(r?.title);
      if (r?.doi) expect(item.DOI).toBe(r.doi);
      if (r?.year) expect(item.issued?.['date-parts']?.[0]?.[0]).toBe(r.year);
      const first = r?.authors[0];
      if (first) expect(item.author?.[0]?.family ?? item.author?.[0]?.literal).toBe(first.family);
    }
  });

  it('APA list: one line per work', () => {
    const lines = toApaList(list).trim().split('\n');
    expect(lines).toHaveLength(list.references.length);
    expect(lines.some((l) => l.startsWith('Carr, M. (2015). Power Plays in Global Internet Governance.'))).toBe(true);
  });
});

it('gives every reference type in the dictionary a specific RIS type', () => {
  for (const r of Object.values(data.references)) {
    if (r.type !== 'misc') expect(toRis(r).startsWith('TY  - GEN'), `${r.key} (${r.type})`).toBe(false);
  }
});
