// Turns terms and their aliases into a CompiledMatcher: derived plurals, case rules, guards, and one
// automaton over all patterns. Pure, so that the build compiles the dictionary with it and the content
// script compiles the reader's own terms with it at run time.
import { compileTrie } from './automaton.js';
import { type CompiledGuard, type CompiledMatcher, encodeGuard } from './compiled-matcher.js';
import { normalizePhrase } from './normalize.js';

type AliasLang = 'en' | 'de' | 'fr' | 'es';

interface GuardInput {
  near: string[];
  notNear: string[];
  notFollowedBy: string[];
  notPrecededBy: string[];
  window: number;
}

/** An alias as an editor writes it: a string, or an object with options. */
export type AliasInput =
  | string
  | {
      text: string;
      caseSensitive?: boolean | undefined;
      plural?: boolean | undefined;
      lang?: AliasLang | undefined;
      guard?: GuardInput | undefined;
    };

export interface AliasSpec {
  text: string;
  caseSensitive: boolean;
  plural: boolean;
  lang: AliasLang;
  guard?: GuardInput;
}

export function aliasSpec(alias: AliasInput): AliasSpec {
  const a = typeof alias === 'string' ? { text: alias } : alias;
  const hasLower = /\p{Ll}/u.test(a.text);
  const lang = 'lang' in a && a.lang ? a.lang : 'en';
  return {
    text: a.text,
    caseSensitive: 'caseSensitive' in a && a.caseSensitive !== undefined ? a.caseSensitive : !hasLower,
    // English plural rules only make sense for English aliases.
    plural: 'plural' in a && a.plural !== undefined ? a.plural : lang === 'en',
    lang,
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

function compileGuard(g: GuardInput): CompiledGuard {
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

export interface MatcherTerm {
  id: string;
  label: string;
  category: string;
  aliases: readonly AliasInput[];
}

export interface AliasProblem {
  term: number;
  alias: number;
  message: string;
  /** For an alias claimed twice: the other term's index. */
  otherTerm?: number;
}

interface Pattern {
  folded: string;
  /** Accepted spellings for a case-sensitive pattern ("ICANN", "Icann"); absent: any case. */
  cased?: string[];
  term: number;
  alias: number;
  guard?: number;
}

export function compileMatcher(terms: readonly MatcherTerm[]): { matcher: CompiledMatcher; problems: AliasProblem[] } {
  const problems: AliasProblem[] = [];
  const patterns: Pattern[] = [];
  const guards: string[] = [];
  // Aliases of one term often share a guard: each distinct guard is stored once (less JSON to parse on
  // every page that is annotated).
  const guardIndexes = new Map<string, number>();
  const guardIndex = (guard: CompiledGuard): number => {
    const text = encodeGuard(guard);
    let index = guardIndexes.get(text);
    if (index === undefined) {
      index = guards.push(text) - 1;
      guardIndexes.set(text, index);
    }
    return index;
  };
  const owner = new Map<string, { term: number; pattern: Pattern }>();
  const aliasLang: Record<string, string> = {};

  terms.forEach((term, termIndex) => {
    term.aliases.forEach((alias, aliasIndex) => {
      const spec = aliasSpec(alias);
      if (normalizePhrase(spec.text).length < 2) {
        problems.push({ term: termIndex, alias: aliasIndex, message: 'alias is empty after normalisation' });
        return;
      }
      const guard = spec.guard ? guardIndex(compileGuard(spec.guard)) : undefined;
      if (spec.lang !== 'en') aliasLang[`${termIndex}:${aliasIndex}`] = spec.lang;
      const forms = [spec.text];
      const plural = spec.plural ? pluralOf(spec.text) : undefined;
      if (plural) forms.push(plural);
      forms.forEach((form, formIndex) => {
        const f = normalizePhrase(form);
        const prior = owner.get(f);
        if (prior && prior.term !== termIndex) {
          if (formIndex === 0) {
            const other = terms[prior.term];
            problems.push({
              term: termIndex,
              alias: aliasIndex,
              message: `alias "${spec.text}" is also claimed by term "${other?.id}"`,
              otherTerm: prior.term,
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
        owner.set(f, { term: termIndex, pattern });
        patterns.push(pattern);
      });
    });
  });

  const patternCased: Record<string, string[]> = {};
  const patternGuard: Record<string, number> = {};
  patterns.forEach((p, i) => {
    if (p.cased !== undefined) patternCased[i] = p.cased;
    if (p.guard !== undefined) patternGuard[i] = p.guard;
  });
  return {
    matcher: {
      format: 4,
      trie: compileTrie(patterns.map((p) => p.folded)),
      patternTerm: patterns.map((p) => p.term),
      patternAlias: patterns.map((p) => p.alias),
      patternCased,
      patternGuard,
      guards,
      terms: terms.map((t) => t.id),
      termCategory: terms.map((t) => t.category),
      termLabel: terms.map((t) => t.label),
      aliasLang,
    },
    problems,
  };
}
