// Every alias of every term is found in a sentence written for it, and no term fires on its counterexamples.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasSpec, compileDictionary } from '../../../src/build/compile-dictionary.js';
import { loadDictionary } from '../../../src/build/load-dictionary.js';
import { Matcher } from '../../../src/core/match.js';

const loaded = loadDictionary(join(__dirname, '..', '..', '..', 'dictionary'));
const { matcher: compiled } = compileDictionary(loaded);
const matcher = new Matcher(compiled);

describe('dictionary examples', () => {
  for (const [termIndex, term] of loaded.terms.entries()) {
    describe(term.id, () => {
      const hits = term.examples.map((sentence) => ({ sentence, matches: matcher.findAll(sentence) }));
      term.aliases.forEach((alias, aliasIndex) => {
        it(`finds alias "${aliasSpec(alias).text}" in an example`, () => {
          const found = hits.some((h) => h.matches.some((m) => m.term === termIndex && m.alias === aliasIndex));
          expect(found, `no example sentence of ${term.file} yields alias ${aliasIndex} (${aliasSpec(alias).text})`).toBe(true);
        });
      });
      for (const sentence of term.counterexamples) {
        it(`does not fire on: ${sentence}`, () => {
          expect(matcher.findAll(sentence).filter((m) => m.term === termIndex)).toEqual([]);
        });
      }
    });
  }
});
