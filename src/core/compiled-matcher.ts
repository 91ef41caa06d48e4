// The compiled form of the dictionary that the content script carries: only what matching needs.
// Definitions, positions and references stay in the background (see dictionary-data.ts).
import { blockEdgesLength, type CompiledTrie } from './automaton.js';

export interface CompiledGuard {
  /** Normalised, lower-cased phrases; at least one must occur in the window (if any are listed). */
  near: string[];
  /** Phrases written without lowercase letters (acronyms): matched case-sensitively. */
  nearCased: string[];
  /** Phrases none of which may occur in the window. */
  notNear: string[];
  notNearCased: string[];
  /** Words that may not directly follow or precede the match (lower-cased). */
  notFollowedBy: string[];
  notPrecededBy: string[];
  /** Words on each side that form the window. */
  window: number;
}

export interface CompiledMatcher {
  /** 4: child counts stored with COUNT_OFFSET, block entries of first edges (see automaton.ts), guards encoded. */
  format: 4;
  trie: CompiledTrie;
  /** Per pattern: index of its term in `terms`. */
  patternTerm: number[];
  /** Per pattern: index of the alias in the term's alias list (derived plurals share their alias). */
  patternAlias: number[];
  /** Case-sensitive patterns: pattern index -> the accepted normalised forms as written (case kept). */
  patternCased: Record<string, string[]>;
  /** Guarded patterns: pattern index -> index into `guards`. */
  patternGuard: Record<string, number>;
  /**
   * Each distinct guard as one string (encodeGuard): the matcher decodes a guard the first time a candidate
   * needs it. Parsing them all, arrays of phrases, was most of the time JSON.parse took for the whole
   * dictionary on every annotated page; as JSON text inside the JSON every quote was an escape.
   */
  guards: string[];
  /** Term ids, in dictionary order. */
  terms: string[];
  /** Per term: its category id. */
  termCategory: string[];
  /** Per term: its label (for the focus ring's accessible text and the popup). */
  termLabel: string[];
  /** Non-English aliases: "termIndex:aliasIndex" -> language code (de, fr, es). */
  aliasLang: Record<string, string>;
}

// A guard as text without quotes, so that JSON carries it without escapes: the window, then the six phrase
// lists, separated by '-'; phrases in a list separated by '`'. Normalised phrases contain neither: both fold
// (to a space and to an apostrophe).
const LIST_SEPARATOR = '-';
const PHRASE_SEPARATOR = '`';
const GUARD_LISTS = ['near', 'nearCased', 'notNear', 'notNearCased', 'notFollowedBy', 'notPrecededBy'] as const;

export function encodeGuard(guard: CompiledGuard): string {
  const lists = GUARD_LISTS.map((key) => guard[key].filter((phrase) => phrase.length > 0).join(PHRASE_SEPARATOR));
  return [String(guard.window), ...lists].join(LIST_SEPARATOR);
}

/** The guard encoded in `text`, or null when it is damaged (the dictionary is kept in extension storage). */
export function decodeGuard(text: string | undefined): CompiledGuard | null {
  const parts = (text ?? '').split(LIST_SEPARATOR);
  const window = Number(parts[0]);
  if (parts.length !== GUARD_LISTS.length + 1 || !Number.isInteger(window) || window <= 0) return null;
  const list = (i: number): string[] => {
    const part = parts[i + 1] as string;
    return part === '' ? [] : part.split(PHRASE_SEPARATOR);
  };
  return {
    near: list(0),
    nearCased: list(1),
    notNear: list(2),
    notNearCased: list(3),
    notFollowedBy: list(4),
    notPrecededBy: list(5),
    window,
  };
}

function isStringArray(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses the compiled dictionary from its JSON text, checking the shape the matcher relies on, so that a
 * damaged copy (it is kept in extension storage) is refused instead of breaking the scan halfway.
 */
export function parseCompiledMatcher(json: string): CompiledMatcher {
  const v: unknown = JSON.parse(json);
  const fail = (field: string): never => {
    throw new Error(`compiled dictionary: bad ${field}`);
  };
  if (!isRecord(v) || v.format !== 4) return fail('format');
  const trie = v.trie;
  if (
    !isRecord(trie) ||
    typeof trie.labels !== 'string' ||
    typeof trie.childCounts !== 'string' ||
    typeof trie.blockEdges !== 'string'
  )
    fail('trie');
  // The pattern tables (thousands of entries) are checked for their shape here and entry by entry where the
  // matcher reads them: a loop over all of them on every page load cost more than matching a small page.
  if (!Array.isArray((trie as Record<string, unknown>).patternEnds)) fail('trie.patternEnds');
  for (const key of ['patternTerm', 'patternAlias']) if (!Array.isArray(v[key])) fail(key);
  for (const key of ['terms', 'termCategory', 'termLabel']) if (!isStringArray(v[key])) fail(key);
  for (const key of ['patternCased', 'patternGuard', 'aliasLang']) if (!isRecord(v[key])) fail(key);
  if (!isStringArray(v.guards)) fail('guards');
  const t = trie as unknown as CompiledTrie;
  if (t.labels.length !== t.childCounts.length - 1 || t.blockEdges.length !== blockEdgesLength(t.childCounts.length))
    fail('trie');
  const patterns = t.patternEnds.length;
  if ((v.patternTerm as number[]).length !== patterns || (v.patternAlias as number[]).length !== patterns)
    fail('pattern tables');
  return v as unknown as CompiledMatcher;
}
