// Every alias of every term is found in a sentence written for it, and no term fires on its counterexamples.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasSpec, compileDictionary, pluralOf } from '../../../src/build/compile-dictionary.js';
import { loadDictionary } from '../../../src/build/load-dictionary.js';
import { Matcher } from '../../../src/core/match.js';
import { normalizePhrase } from '../../../src/core/normalize.js';

// NETGOV_DICT_DRAFTS (folders separated by ':') checks draft entries together with the dictionary.
const drafts = (process.env.NETGOV_DICT_DRAFTS ?? '').split(':').filter(Boolean);
const loaded = loadDictionary(join(__dirname, '..', '..', '..', 'dictionary'), drafts);
const { matcher: compiled } = compileDictionary(loaded);
const matcher = new Matcher(compiled);

describe('dictionary examples', () => {
  for (const [termIndex, term] of loaded.terms.entries()) {
    describe(term.id, () => {
      const hits = term.examples.map((sentence) => ({ sentence, matches: matcher.findAll(sentence) }));
      term.aliases.forEach((alias, aliasIndex) => {
        const spec = aliasSpec(alias);
        // The alias counts as found when a match of this term covers exactly the alias (or its plural),
        // in the same letter case where the alias is case-sensitive.
        const forms = [spec.text, ...(spec.plural && pluralOf(spec.text) ? [pluralOf(spec.text) as string] : [])];
        const key = (s: string): string => normalizePhrase(s, !spec.caseSensitive);
        const wanted = new Set(forms.map(key));
        it(`finds alias "${spec.text}" in an example`, () => {
          const found = hits.some((h) => h.matches.some((m) => m.term === termIndex && wanted.has(key(h.sentence.slice(m.start, m.end)))));
          expect(found, `no example sentence of ${term.file} yields alias ${aliasIndex} (${spec.text})`).toBe(true);
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
