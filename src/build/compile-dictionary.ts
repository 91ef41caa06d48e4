// Compiles a validated dictionary into the two artefacts the extension ships:
// the matcher (content script: automaton + pattern table) and the dictionary data (background: entries).
import { compileTrie } from '../core/automaton.js';
import type { CompiledGuard, CompiledMatcher } from '../core/compiled-matcher.js';
import type { DictionaryData, Reference } from '../core/dictionary-data.js';
import { normalizePhrase } from '../core/normalize.js';
import type { AliasSource, GuardSource } from './dictionary-schema.js';
import type { DictionaryProblem, LoadedDictionary, LoadedTerm } from './load-dictionary.js';

export interface AliasSpec {
  text: string;
  caseSensitive: boolean;
  plural: boolean;
  lang: 'en' | 'de' | 'fr' | 'es';
  guard?: GuardSource;
}

export function aliasSpec(alias: AliasSource): AliasSpec {
  const a = typeof alias === 'string' ? { text: alias } : alias;
  const hasLower = /\p{Ll}/u.test(a.text);
  return {
    text: a.text,
    caseSensitive: 'caseSensitive' in a && a.caseSensitive !== undefined ? a.caseSensitive : !hasLower,
    // English plural rules only make sense for English aliases.
    plural: 'plural' in a && a.plural !== undefined ? a.plural : !('lang' in a && a.lang && a.lang !== 'en'),
    lang: 'lang' in a && a.lang ? a.lang : 'en',
    ...('guard' in a && a.guard ? { guard: a.guard } : {}),
  };
}

/** English plural of the last word of `form` (which keeps its case), or undefined if it has none. */
export function pluralOf(form: string): string | undefined {
  const m = /([\p{L}]+)$/u.exec(form);
  if (!m) return undefined; // ends in a digit or punctuation: "Section 230", "WCIT-12"
  const word = m[1] as string;
  const stem = form.slice(0, form.length - word.length);
  if (!/\p{Ll}/u.test(word)) return `${form}s`; // acronyms: RIR -> RIRs
  if (/[^aeiou]y$/i.test(word)) return `${stem}${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${stem}${word}es`;
  return `${form}s`;
}

interface Pattern {
  folded: string;
  /** Accepted spellings for a case-sensitive pattern ("ICANN", "Icann"); absent: any case. */
  cased?: string[];
  term: number;
  alias: number;
  guard?: number;
}

function compileGuard(g: GuardSource): CompiledGuard {
  const split = (list: string[]): [string[], string[]] => {
    const lower: string[] = [];
    const cased: string[] = [];
    for (const p of list) {
      if (/\p{Ll}/u.test(p)) lower.push(normalizePhrase(p));
      else cased.push(normalizePhrase(p, false));
    }
    return [lower, cased];
  };
  const [near, nearCased] = split(g.near);
  const [notNear, notNearCased] = split(g.notNear);
  return {
    near,
    nearCased,
    notNear,
    notNearCased,
    notFollowedBy: g.notFollowedBy.map((w) => normalizePhrase(w)),
    notPrecededBy: g.notPrecededBy.map((w) => normalizePhrase(w)),
    window: g.window,
  };
}

export interface CompileResult {
  matcher: CompiledMatcher;
  data: DictionaryData;
  problems: DictionaryProblem[];
  stats: { terms: number; aliases: number; patterns: number; states: number; positions: number; references: number; categories: number };
}

export function compileDictionary(dict: LoadedDictionary): CompileResult {
  const problems: DictionaryProblem[] = [];
  const patterns: Pattern[] = [];
  const guards: CompiledGuard[] = [];
  const owner = new Map<string, { term: LoadedTerm; alias: number; pattern: Pattern }>();
  const aliasLang: Record<string, string> = {};
  const terms = dict.terms;

  terms.forEach((term, termIndex) => {
    term.aliases.forEach((alias, aliasIndex) => {
      const spec = aliasSpec(alias);
      const folded = normalizePhrase(spec.text);
      if (folded.length < 2) {
        problems.push({ file: term.file, line: term.lineOf(['aliases', aliasIndex]), field: `aliases.${aliasIndex}`, message: 'alias is empty after normalisation' });
        return;
      }
      const guard = spec.guard ? guards.push(compileGuard(spec.guard)) - 1 : undefined;
      if (spec.lang !== 'en') aliasLang[`${termIndex}:${aliasIndex}`] = spec.lang;
      const forms = [spec.text];
      const plural = spec.plural ? pluralOf(spec.text) : undefined;
      if (plural) forms.push(plural);
      forms.forEach((form, formIndex) => {
        const f = normalizePhrase(form);
        const prior = owner.get(f);
        if (prior && prior.term !== term) {
          if (formIndex === 0) {
            problems.push({
              file: term.file,
              line: term.lineOf(['aliases', aliasIndex]),
              field: `aliases.${aliasIndex}`,
              message: `alias "${spec.text}" is also claimed by term "${prior.term.id}" (${prior.term.file})`,
            });
          }
          return; // a derived plural that another term owns as an alias: leave it to that term
        }
        if (prior) {
          // The same term spells this form again: another accepted case ("Icann" beside "ICANN"),
          // or, if either spelling is case-insensitive, any case.
          const p = prior.pattern;
          if (!spec.caseSensitive) delete p.cased;
          else if (p.cased) p.cased = [...new Set([...p.cased, normalizePhrase(form, false)])];
          return;
        }
        const pattern: Pattern = {
          folded: f,
          ...(spec.caseSensitive ? { cased: [normalizePhrase(form, false)] } : {}),
          term: termIndex,
          alias: aliasIndex,
          ...(guard !== undefined ? { guard } : {}),
        };
        owner.set(f, { term, alias: aliasIndex, pattern });
        patterns.push(pattern);
      });
    });
  });

  const trie = compileTrie(patterns.map((p) => p.folded));
  const patternCased: Record<string, string[]> = {};
  const patternGuard: Record<string, number> = {};
  patterns.forEach((p, i) => {
    if (p.cased !== undefined) patternCased[i] = p.cased;
    if (p.guard !== undefined) patternGuard[i] = p.guard;
  });
  const matcher: CompiledMatcher = {
    format: 1,
    trie,
    patternTerm: patterns.map((p) => p.term),
    patternAlias: patterns.map((p) => p.alias),
    patternLength: patterns.map((p) => p.folded.length),
    patternCased,
    patternGuard,
    guards,
    terms: terms.map((t) => t.id),
    termCategory: terms.map((t) => t.category),
    termLabel: terms.map((t) => t.label),
    aliasLang,
  };

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
    format: 1,
    categories: dict.categories,
    terms: terms.map((t) => ({
      id: t.id,
      label: t.label,
      category: t.category,
      aliases: t.aliases.map((a) => aliasSpec(a).text),
      definition: t.definition.trim(),
      positions: t.positions.map((p) => ({ stance: p.stance, summary: p.summary.trim(), holders: p.holders, cites: p.cites })),
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
      aliases: terms.reduce((n, t) => n + t.aliases.length, 0),
      patterns: patterns.length,
      states: trie.childCounts.length,
      positions: terms.reduce((n, t) => n + t.positions.length, 0),
      references: Object.keys(references).length,
      categories: new Set(terms.map((t) => t.category)).size,
    },
  };
}
