// The compiled form of the dictionary that the content script carries: only what matching needs.
// Definitions, positions and references stay in the background (see dictionary-data.ts).
import type { CompiledTrie } from './automaton.js';

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
  format: 1;
  trie: CompiledTrie;
  /** Per pattern: index of its term in `terms`. */
  patternTerm: number[];
  /** Per pattern: index of the alias in the term's alias list (derived plurals share their alias). */
  patternAlias: number[];
  /** Per pattern: length of the normalised pattern. */
  patternLength: number[];
  /** Case-sensitive patterns: pattern index -> the accepted normalised forms as written (case kept). */
  patternCased: Record<string, string[]>;
  /** Guarded patterns: pattern index -> index into `guards`. */
  patternGuard: Record<string, number>;
  guards: CompiledGuard[];
  /** Term ids, in dictionary order. */
  terms: string[];
  /** Per term: its category id. */
  termCategory: string[];
  /** Per term: its label (for the focus ring's accessible text and the popup). */
  termLabel: string[];
  /** Non-English aliases: "termIndex:aliasIndex" -> language code (de, fr, es). */
  aliasLang: Record<string, string>;
}
