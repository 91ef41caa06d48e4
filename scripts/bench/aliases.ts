// The alias strings the other contenders search for, taken from the same compiled matcher that ours uses,
// so that every contender looks for the same 1,394 forms (aliases and their derived plurals).
import { childCountAt } from '../../src/core/automaton.js';
import type { CompiledMatcher } from '../../src/core/compiled-matcher.js';

/**
 * The normalised text of every pattern, rebuilt from the breadth-first trie: the children of each state are
 * numbered consecutively, so edge k leads to state k + 1 (see src/core/automaton.ts).
 */
export function patternStrings(m: CompiledMatcher): string[] {
  const { labels, childCounts, patternEnds } = m.trie;
  const n = childCounts.length;
  const text: string[] = new Array<string>(n);
  text[0] = '';
  let edge = 0;
  for (let s = 0; s < n; s++) {
    const count = childCountAt(childCounts, s);
    for (let k = 0; k < count; k++, edge++) text[edge + 1] = (text[s] as string) + labels[edge];
  }
  return patternEnds.map((state) => text[state] as string);
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;
// Normalised patterns use one space for any run of spaces or dashes, and ' for any apostrophe.
const SEPARATOR = '[\\s\\-\\u2010-\\u2015]+';
const APOSTROPHE = "['\\u2019]";

/** A RegExp source for one normalised pattern, as a typical extension would write it: \b...\b. */
export function aliasSource(pattern: string): string {
  const body = pattern
    .split(' ')
    .map((w) => w.replace(SPECIAL, '\\$&').replaceAll("'", APOSTROPHE))
    .join(SEPARATOR);
  return `\\b${body}\\b`;
}

/** One alternation of all patterns, longest first so that the longer alias wins at the same start. */
export function combinedSource(patterns: readonly string[]): string {
  const sorted = [...new Set(patterns)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const body = sorted
    .map((p) =>
      p
        .split(' ')
        .map((w) => w.replace(SPECIAL, '\\$&').replaceAll("'", APOSTROPHE))
        .join(SEPARATOR),
    )
    .join('|');
  return `\\b(?:${body})\\b`;
}

export const REGEXP_FLAGS = 'gi';
