// Builds a Matcher from a small in-memory alias list, for tests that do not need the real dictionary.
import { compileDictionary } from '../../../src/build/compile-dictionary.js';
import { aliasSchema, type AliasInput } from '../../../src/build/dictionary-schema.js';
import type { LoadedDictionary, LoadedTerm } from '../../../src/build/load-dictionary.js';
import { Matcher } from '../../../src/core/match.js';

export function termsFixture(terms: Record<string, AliasInput[]>): LoadedDictionary {
  const loaded: LoadedTerm[] = Object.entries(terms).map(([id, aliases]) => ({
    id,
    label: id,
    category: 'test',
    aliases: aliases.map((a) => aliasSchema.parse(a)),
    definition: 'A test term used by unit tests only.',
    kind: 'debate',
    reviewed: '2026-01-01',
    positions: [],
    debates: [],
    related: [],
    examples: [],
    counterexamples: [],
    file: `${id}.yaml`,
    lineOf: () => undefined,
  }));
  return { root: '', categories: [{ id: 'test', label: 'Test' }], terms: loaded, references: {}, problems: [] };
}

export function matcherFor(terms: Record<string, AliasInput[]>): Matcher {
  const result = compileDictionary(termsFixture(terms));
  if (result.problems.length) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return new Matcher(result.matcher);
}
