// Compiles a validated dictionary into the two artefacts the extension ships:
// the matcher (content script: automaton + pattern table) and the dictionary data (background: entries).
import { aliasSpec, compileMatcher } from '../core/compile-matcher.js';
import type { CompiledMatcher } from '../core/compiled-matcher.js';
import type { DictionaryData, Reference } from '../core/dictionary-data.js';
import type { DictionaryProblem, LoadedDictionary } from './load-dictionary.js';

export { aliasSpec, pluralOf } from '../core/compile-matcher.js';

export interface CompileResult {
  matcher: CompiledMatcher;
  data: DictionaryData;
  problems: DictionaryProblem[];
  stats: {
    terms: number;
    debateTerms: number;
    referenceTerms: number;
    aliases: number;
    patterns: number;
    states: number;
    positions: number;
    references: number;
    categories: number;
  };
}

export function compileDictionary(dict: LoadedDictionary): CompileResult {
  const terms = dict.terms;
  const compiled = compileMatcher(terms);
  const matcher: CompiledMatcher = compiled.matcher;
  const problems: DictionaryProblem[] = compiled.problems.map((p) => {
    const term = terms[p.term];
    return {
      file: term?.file ?? '(unknown)',
      line: term?.lineOf(['aliases', p.alias]),
      field: `aliases.${p.alias}`,
      message: p.otherTerm !== undefined ? `${p.message} (${terms[p.otherTerm]?.file})` : p.message,
    };
  });

  // Only the references that some position cites are shipped.
  const cited = new Set(terms.flatMap((t) => t.positions.flatMap((p) => p.cites)));
  const references: Record<string, Reference> = {};
  for (const key of [...cited].sort()) {
    const ref = dict.references[key];
    if (!ref) continue;
    const { file: _file, ...shipped } = ref;
    references[key] = shipped;
  }
  const data: DictionaryData = {
    format: 2,
    categories: dict.categories,
    terms: terms.map((t) => ({
      id: t.id,
      label: t.label,
      category: t.category,
      aliases: t.aliases.map((a) => aliasSpec(a).text),
      definition: t.definition.trim(),
      kind: t.kind,
      ...(t.status ? { status: t.status.trim() } : {}),
      ...(t.source ? { source: t.source } : {}),
      reviewed: t.reviewed,
      positions: t.positions.map((p) => ({
        stance: p.stance,
        summary: p.summary.trim(),
        holders: p.holders,
        cites: p.cites,
        ...(p.relation ? { relation: p.relation } : {}),
      })),
      debates: t.debates,
      related: t.related,
    })),
    references,
  };
  return {
    matcher,
    data,
    problems,
    stats: {
      terms: terms.length,
      debateTerms: terms.filter((t) => t.kind === 'debate').length,
      referenceTerms: terms.filter((t) => t.kind === 'reference').length,
      aliases: terms.reduce((n, t) => n + t.aliases.length, 0),
      patterns: matcher.patternTerm.length,
      states: matcher.trie.childCounts.length,
      positions: terms.reduce((n, t) => n + t.positions.length, 0),
      references: Object.keys(references).length,
      categories: new Set(terms.map((t) => t.category)).size,
    },
  };
}
