// The "one RegExp" contender, as a developer would write a dictionary highlighter without a matcher of its
// own: one `\b(?:…)\b` alternation of every pattern, built on each page load. Also the reference it is
// checked against: the same alternation with Unicode word boundaries, which is what `\b` is meant to say.
// Pure (no DOM), so that the error counting can be tested on strings.
import { isWordCode } from '../../src/core/normalize.js';
import { combinedSource } from './aliases.js';

/** `gi`, or `giu` once a pattern has a non-ASCII character (as such code would, for case folding). */
export function oneRegExpFlags(patterns: readonly string[]): string {
  // eslint-disable-next-line no-control-regex -- the ASCII range itself is the test
  return patterns.some((p) => /[^\u0000-\u007f]/.test(p)) ? 'giu' : 'gi';
}

/** The contender's RegExp. `\b` stays ASCII even with the `u` flag: that is its known error. */
export function oneRegExp(patterns: readonly string[]): RegExp {
  return new RegExp(combinedSource(patterns), oneRegExpFlags(patterns));
}

// Letters, digits and marks of every script: the word characters of src/core/normalize.ts (isWordCode).
const WORD = '[\\p{L}\\p{N}\\p{M}]';

/** The same alternation with word boundaries that know non-ASCII letters (the reference, never timed). */
export function wordBoundedRegExp(patterns: readonly string[]): RegExp {
  const inner = combinedSource(patterns).slice('\\b'.length, -'\\b'.length);
  return new RegExp(`(?<!${WORD})${inner}(?!${WORD})`, 'giu');
}

/** The matches of `re` in `text`, as "start:end" keys. */
export function spans(text: string, re: RegExp): Set<string> {
  const out = new Set<string>();
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.add(`${m.index}:${m.index + m[0].length}`);
  return out;
}

export interface BoundaryErrors {
  /** Matches of the contender inside a longer word ("…ßdatenschutz", "neutralités" for "neutralité"). */
  insideWord: number;
  /** Whole-word occurrences it cannot find (a pattern that starts or ends with a non-ASCII letter). */
  missed: number;
}

/**
 * What `\b` around non-ASCII letters costs the contender on one text: the spans it `found` (from spans() or its
 * highlight) against the reference's.
 */
export function boundaryErrors(text: string, found: ReadonlySet<string>, reference: RegExp): BoundaryErrors {
  const right = spans(text, reference);
  let insideWord = 0;
  let missed = 0;
  for (const s of found) if (!right.has(s)) insideWord++;
  for (const s of right) if (!found.has(s)) missed++;
  return { insideWord, missed };
}

/** True when the character before `offset` in `text` is a word character (a match starting there is inside a word). */
export function wordBefore(text: string, offset: number): boolean {
  return offset > 0 && isWordCode(text.charCodeAt(offset - 1));
}

/** True when the character at `offset` is a word character (a match ending there is inside a word). */
export function wordAt(text: string, offset: number): boolean {
  return offset < text.length && isWordCode(text.charCodeAt(offset));
}
