import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DictionaryData, termIndex } from '../../../src/core/dictionary-data.js';

const generated = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../build/generated/${name}`, import.meta.url), 'utf8'));

describe('termIndex', () => {
  it('keeps names, categories and aliases in the dictionary order, and none of the entries', () => {
    const index = termIndex({
      categories: [{ id: 'c', label: 'C' }],
      terms: [
        {
          id: 't',
          label: 'T',
          category: 'c',
          aliases: ['T', 'tee'],
          definition: 'A long definition.',
          kind: 'debate',
          positions: [],
          debates: [],
          related: ['u'],
        },
      ],
    });
    expect(index).toEqual({
      categories: [{ id: 'c', label: 'C' }],
      terms: [{ id: 't', label: 'T', category: 'c', aliases: ['T', 'tee'] }],
    });
  });

  it('is what the build wrote beside the dictionary, a small part of it', () => {
    const dictionary = generated('dictionary.json') as DictionaryData;
    expect(generated('term-index.json')).toEqual(termIndex(dictionary));
    const size = (name: string): number =>
      readFileSync(new URL(`../../../build/generated/${name}`, import.meta.url)).length;
    expect(size('term-index.json')).toBeLessThan(size('dictionary.json') / 5);
  });
});
