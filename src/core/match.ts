// Finds dictionary terms in a string: one pass of the automaton over normalised text, then whole-word,
// case and guard checks on the few candidates, then longest-leftmost selection among overlaps.
import { Automaton } from './automaton.js';
import type { CompiledGuard, CompiledMatcher } from './compiled-matcher.js';
import { foldCode, IGNORE, isIgnorableCode, isWordCode, normalizePhrase, normalizeWithMap } from './normalize.js';

export interface Match {
  /** Offsets into the scanned string (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** Index into CompiledMatcher.terms. */
  term: number;
  /** Index of the alias within the term. */
  alias: number;
}

// ASCII folding table for the hot loop: separators -> 32, upper -> lower, backtick -> apostrophe.
const ASCII_FOLD = new Uint16Array(128);
for (let c = 0; c < 128; c++) {
  const folded = foldCode(c, true);
  ASCII_FOLD[c] = folded.charCodeAt(0);
}
const SPACE = 32;

export class Matcher {
  readonly data: CompiledMatcher;
  private readonly automaton: Automaton;
  private readonly maxLength: number;
  private readonly ringMask: number;
  private readonly ring: Int32Array;
  private readonly patternTerm: Int32Array;
  private readonly patternLength: Int32Array;
  private readonly patternCased: Map<number, string[]>;
  private readonly patternGuard: Map<number, CompiledGuard>;
  /** Terms switched off by the reader; their patterns are skipped. */
  private disabled: Uint8Array;

  constructor(data: CompiledMatcher) {
    this.data = data;
    this.automaton = new Automaton(data.trie);
    this.patternTerm = Int32Array.from(data.patternTerm);
    this.patternLength = Int32Array.from(data.patternLength);
    this.maxLength = Math.max(1, ...data.patternLength);
    let size = 1;
    while (size <= this.maxLength) size <<= 1;
    this.ringMask = size - 1;
    this.ring = new Int32Array(size);
    this.patternCased = new Map(Object.entries(data.patternCased).map(([k, v]) => [Number(k), v]));
    this.patternGuard = new Map(
      Object.entries(data.patternGuard).map(([k, v]) => [Number(k), data.guards[v] as CompiledGuard]),
    );
    this.disabled = new Uint8Array(data.terms.length);
  }

  /** Switches terms off (by id); all others on. */
  setDisabledTerms(ids: Iterable<string>): void {
    const off = new Set(ids);
    this.disabled = Uint8Array.from(this.data.terms, (id) => (off.has(id) ? 1 : 0));
  }

  /** All matches in `text`, non-overlapping, in order. */
  findAll(text: string): Match[] {
    const candidates = this.candidates(text);
    if (candidates.length === 0) return candidates;
    return selectLongestLeftmost(candidates);
  }

  private candidates(text: string): Match[] {
    const automaton = this.automaton;
    const firstOutput = automaton.firstOutput;
    const ring = this.ring;
    const mask = this.ringMask;
    const found: Match[] = [];
    let state = 0;
    let pos = 0; // normalised position
    let lastWasSpace = true;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        const code = ASCII_FOLD[c] as number;
        if (code === SPACE) {
          if (lastWasSpace) continue;
          lastWasSpace = true;
        } else {
          lastWasSpace = false;
        }
        ring[pos & mask] = i;
        pos++;
        state = automaton.step(state, code);
        if ((firstOutput[state] as number) >= 0) this.report(text, state, pos, i + 1, found);
      } else {
        const folded = foldCode(c, true);
        if (folded === IGNORE) continue;
        for (let k = 0; k < folded.length; k++) {
          const code = folded.charCodeAt(k);
          if (code === SPACE) {
            if (lastWasSpace) continue;
            lastWasSpace = true;
          } else {
            lastWasSpace = false;
          }
          ring[pos & mask] = i;
          pos++;
          state = automaton.step(state, code);
          if ((firstOutput[state] as number) >= 0) this.report(text, state, pos, i + 1, found);
        }
      }
    }
    return found;
  }

  private report(text: string, state: number, pos: number, end: number, found: Match[]): void {
    const automaton = this.automaton;
    for (let slot = automaton.firstOutput[state] as number; slot >= 0; slot = automaton.outputNext[slot] as number) {
      const pattern = automaton.outputPattern[slot] as number;
      const term = this.patternTerm[pattern] as number;
      if (this.disabled[term]) continue;
      const start = this.ring[(pos - (this.patternLength[pattern] as number)) & this.ringMask] as number;
      if (!isWordBoundaryBefore(text, start) || !isWordBoundaryAfter(text, end)) continue;
      const cased = this.patternCased.get(pattern);
      if (cased !== undefined && !cased.includes(normalizePhrase(text.slice(start, end), false))) continue;
      const guard = this.patternGuard.get(pattern);
      if (guard && !guardAllows(guard, text, start, end)) continue;
      found.push({ start, end, term, alias: this.data.patternAlias[pattern] as number });
    }
  }
}

function isWordBoundaryBefore(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && isIgnorableCode(text.charCodeAt(i))) i--;
  return i < 0 || !isWordCode(text.charCodeAt(i));
}

function isWordBoundaryAfter(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && isIgnorableCode(text.charCodeAt(i))) i++;
  return i >= text.length || !isWordCode(text.charCodeAt(i));
}

/** Among overlapping candidates keep the one that starts first, and of those the longest. */
export function selectLongestLeftmost(candidates: Match[]): Match[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end || a.term - b.term);
  const out: Match[] = [];
  let lastEnd = -1;
  for (const m of sorted) {
    if (m.start >= lastEnd) {
      out.push(m);
      lastEnd = m.end;
    }
  }
  return out;
}

// Words: runs of letters, digits, marks and inner apostrophes.
const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;

/** The words of `text`, possessives reduced to their base ("NSA's" -> "NSA") so guards need not list both. */
function words(text: string, lower: boolean): string[] {
  return (normalizeWithMap(text, lower).text.match(WORD) ?? []).map((w) => w.replace(/'s$/i, ''));
}

function containsPhrase(haystack: string, phrase: string): boolean {
  return ` ${haystack} `.includes(` ${phrase} `);
}

/** Applies a dictionary guard to a candidate at [start, end) of `text`. */
export function guardAllows(guard: CompiledGuard, text: string, start: number, end: number): boolean {
  // Words average well under 12 characters; the slice is generous and then cut to `window` words.
  const span = guard.window * 16;
  const beforeText = text.slice(Math.max(0, start - span), start);
  const afterText = text.slice(end, Math.min(text.length, end + span));
  const lowerBefore = words(beforeText, true).slice(-guard.window);
  const lowerAfter = words(afterText, true).slice(0, guard.window);
  if (guard.notPrecededBy.length > 0 && lowerBefore.length > 0) {
    if (guard.notPrecededBy.includes(lowerBefore[lowerBefore.length - 1] as string)) return false;
  }
  if (guard.notFollowedBy.length > 0 && lowerAfter.length > 0) {
    if (guard.notFollowedBy.includes(lowerAfter[0] as string)) return false;
  }
  const lowerWindow = `${lowerBefore.join(' ')} | ${lowerAfter.join(' ')}`;
  let casedWindow = '';
  if (guard.nearCased.length > 0 || guard.notNearCased.length > 0) {
    casedWindow = `${words(beforeText, false).slice(-guard.window).join(' ')} | ${words(afterText, false)
      .slice(0, guard.window)
      .join(' ')}`;
  }
  if (guard.notNear.some((p) => containsPhrase(lowerWindow, p))) return false;
  if (guard.notNearCased.some((p) => containsPhrase(casedWindow, p))) return false;
  if (guard.near.length === 0 && guard.nearCased.length === 0) return true;
  return (
    guard.near.some((p) => containsPhrase(lowerWindow, p)) ||
    guard.nearCased.some((p) => containsPhrase(casedWindow, p))
  );
}
