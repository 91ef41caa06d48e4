import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { describe, expect, it } from 'vitest';
import { cslType, toCslItem, toCslJsonFile } from '../../../src/core/csl-json.js';
import type { Reference } from '../../../src/core/dictionary-data.js';
import { builtDictionary } from '../built-dictionary.js';

const refs = Object.values(builtDictionary().data.references);

describe('CSL-JSON', () => {
  it(
    'the whole dictionary exports and parses back with citation-js: ids, types, titles, DOIs',
    { timeout: 30_000 },
    () => {
      const file = toCslJsonFile(refs, new Map([[refs[0]!.key, 'Came up in: an article']]));
      const parsed = new Cite(JSON.parse(file)).data as {
        id: string;
        type: string;
        title: string;
        DOI?: string;
        note?: string;
      }[];
      expect(parsed.map((i) => i.id)).toEqual(refs.map((r) => r.key));
      expect(parsed.map((i) => i.title)).toEqual(refs.map((r) => r.title));
      expect(parsed.filter((i) => i.DOI).map((i) => i.DOI)).toEqual(refs.flatMap((r) => r.doi ?? []));
      expect(parsed[0]!.note).toBe('Came up in: an article');
      // citeproc formats every one of them.
      expect(() =>
        new Cite(JSON.parse(file)).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }),
      ).not.toThrow();
    },
  );

  it('maps names, dates, pages and types', () => {
    const r: Reference = {
      key: 'k',
      type: 'article',
      authors: [{ family: 'Mueller', given: 'Milton L.' }, { family: 'Internet Society' }],
      editors: [],
      title: 'T',
      year: 2010,
      container: 'J',
      pages: '1--20',
      bibtex: '',
    };
    expect(toCslItem(r)).toEqual({
      id: 'k',
      type: 'article-journal',
      title: 'T',
      author: [{ family: 'Mueller', given: 'Milton L.' }, { literal: 'Internet Society' }],
      issued: { 'date-parts': [[2010]] },
      'container-title': 'J',
      page: '1–20',
    });
    expect(cslType({ ...r, type: 'misc', url: 'https://eur-lex.europa.eu/eli?uri=CELEX:32016R0679' })).toBe(
      'legislation',
    );
    expect(cslType({ ...r, type: 'techreport' })).toBe('report');
  });
});
