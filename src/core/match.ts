// Finds dictionary terms in a string: a walk of the alias trie from each word start over the normalised
// text, then whole-word, case and guard checks on the few candidates, then longest-leftmost selection.
import { Trie } from './automaton.js';
import { type CompiledGuard, type CompiledMatcher, decodeGuard } from './compiled-matcher.js';
import {
  foldCode,
  IGNORE,
  isIgnorableCode,
  isWordCode,
  isWordCodePoint,
  normalizePhrase,
  normalizeText,
} from './normalize.js';

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
// ASCII letters and digits: the only ASCII characters that continue a word (see isWordCode).
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const folded = foldCode(c, true);
  ASCII_FOLD[c] = folded.charCodeAt(0);
  ASCII_WORD[c] = isWordCode(c) ? 1 : 0;
}
const SPACE = 32;

export class Matcher {
  readonly data: CompiledMatcher;
  private readonly trie: Trie;
  private readonly patternTerm: readonly number[];
  /** Guards parsed so far (see CompiledMatcher.guards). */
  private readonly guards: (CompiledGuard | null | undefined)[] = [];
  /** Terms switched off by the reader; their patterns are skipped. */
  private disabled: Uint8Array;

  constructor(data: CompiledMatcher) {
    this.data = data;
    this.trie = new Trie(data.trie);
    this.patternTerm = data.patternTerm;
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

  /**
   * Every pattern occurrence that starts and ends at a word boundary. A match can only start where the
   * previous character (ignorable ones aside) does not continue a word, so the trie is walked from those
   * places only; inside words the loop does no more than classify the character.
   */
  private candidates(text: string): Match[] {
    const found: Match[] = [];
    const rootAscii = this.trie.rootAscii;
    let prevWord = false;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (!prevWord) {
          const first = rootAscii[ASCII_FOLD[c] as number] as number;
          if (first !== 0) this.walk(text, i, first, found);
        }
        prevWord = ASCII_WORD[c] === 1;
      } else {
        if (isIgnorableCode(c)) continue;
        if (!prevWord) {
          // A character may fold to several (ligatures, NFKC): a pattern may begin at any of them.
          const folded = foldCode(c, true);
          for (let k = 0; k < folded.length; k++) {
            if (folded.charCodeAt(k) !== SPACE) this.walkFolded(text, i, k, found);
          }
        }
        prevWord = isWordCode(c);
      }
    }
    return found;
  }

  /** Walks the trie from `start`, whose first (ASCII) character led from the root to `state`. */
  private walk(text: string, start: number, state: number, found: Match[]): void {
    if ((this.trie.firstPattern[state] as number) !== 0) this.report(text, state, start, start + 1, found);
    this.continueWalk(text, start, start + 1, state, false, found);
  }

  /** Walks the trie from code `k` of the folding of the non-ASCII character at `start`. */
  private walkFolded(text: string, start: number, k: number, found: Match[]): void {
    this.continueWalk(text, start, start, 0, true, found, k);
  }

  /**
   * Follows the trie over the normalised text from index `from` on, reporting the patterns that end. When
   * the character at `from` folds to several codes, the walk may begin at code `firstCode` of them.
   */
  private continueWalk(
    text: string,
    start: number,
    from: number,
    state: number,
    lastWasSpace: boolean,
    found: Match[],
    firstCode = 0,
  ): void {
    const trie = this.trie;
    const firstPattern = trie.firstPattern;
    const n = text.length;
    for (let i = from; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        const code = ASCII_FOLD[c] as number;
        if (code === SPACE) {
          if (lastWasSpace) continue;
          lastWasSpace = true;
        } else {
          lastWasSpace = false;
        }
        state = trie.child(state, code);
        if (state < 0) return;
        if ((firstPattern[state] as number) !== 0) this.report(text, state, start, i + 1, found);
      } else {
        const folded = foldCode(c, true);
        if (folded === IGNORE) continue;
        for (let k = i === from ? firstCode : 0; k < folded.length; k++) {
          const code = folded.charCodeAt(k);
          if (code === SPACE) {
            if (lastWasSpace) continue;
            lastWasSpace = true;
          } else {
            lastWasSpace = false;
          }
          state = trie.child(state, code);
          if (state < 0) return;
          if ((firstPattern[state] as number) !== 0) this.report(text, state, start, i + 1, found);
        }
      }
    }
  }

  /** Guard `index`, decoded on first use; null if damaged, and a damaged guard lets no candidate through. */
  private guard(index: number): CompiledGuard | null {
    let guard = this.guards[index];
    if (guard === undefined) {
      guard = decodeGuard(this.data.guards[index]);
      this.guards[index] = guard;
    }
    return guard;
  }

  private report(text: string, state: number, start: number, end: number, found: Match[]): void {
    if (!isWordBoundaryAfter(text, end)) return;
    const trie = this.trie;
    for (
      let pattern = (trie.firstPattern[state] as number) - 1;
      pattern >= 0;
      pattern = (trie.nextPattern[pattern] as number) - 1
    ) {
      const term: unknown = this.patternTerm[pattern];
      const alias: unknown = this.data.patternAlias[pattern];
      // disabled[term] is undefined for any number but a term's index: a damaged entry reports nothing.
      if (typeof term !== 'number' || this.disabled[term] !== 0 || typeof alias !== 'number') continue;
      // Looked up in the parsed objects themselves: building Maps of them cost set-up time on every page.
      const cased = this.data.patternCased[pattern];
      if (cased !== undefined && !cased.includes(normalizePhrase(text.slice(start, end), false))) continue;
      const guardIndex = this.data.patternGuard[pattern];
      if (guardIndex !== undefined) {
        const guard = this.guard(guardIndex);
        if (!guard || !guardAllows(guard, text, start, end)) continue;
      }
      found.push({ start, end, term: term as number, alias });
    }
  }
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

const APOSTROPHE = 0x27;

/**
 * The words of `text`: runs of letters, digits and marks, with inner apostrophes ("don't"); possessives
 * reduced to their base ("NSA's" -> "NSA") so guards need not list both. A loop over isWordCode rather than
 * a Unicode property RegExp: compiling one costs milliseconds on every page load, more than the page's
 * whole match.
 */
export function words(text: string, lower: boolean): string[] {
  const s = normalizeText(text, lower);
  const list: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isWordAt(s, i)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && isWordAt(s, i)) i += wordCodeLength(s, i);
      if (i + 1 < n && s.charCodeAt(i) === APOSTROPHE && isWordAt(s, i + 1)) i++;
      else break;
    }
    // Same as w.replace(/'s$/i, ''), without a regular expression per word.
    const last = s.charCodeAt(i - 1);
    const end = (last === 0x73 || last === 0x53) && i - 2 > start && s.charCodeAt(i - 2) === APOSTROPHE ? i - 2 : i;
    list.push(s.slice(start, end));
  }
  return list;
}

/** True when the code point at `i` continues a word (a surrogate pair is judged as one code point). */
function isWordAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return isWordCode(c);
  // A surrogate pair is judged as one code point; a lone surrogate is not part of a word.
  return c <= 0xdbff && i + 1 < s.length ? isWordCodePoint(s.codePointAt(i) as number) : false;
}

function wordCodeLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

/** A guard's phrases padded with spaces once, so that a whole-word containment test is one includes(). */
interface PaddedGuard {
  near: string[];
  nearCased: string[];
  notNear: string[];
  notNearCased: string[];
}
const paddedGuards = new WeakMap<CompiledGuard, PaddedGuard>();

function padded(guard: CompiledGuard): PaddedGuard {
  let p = paddedGuards.get(guard);
  if (!p) {
    const pad = (list: string[]): string[] => list.map((phrase) => ` ${phrase} `);
    p = {
      near: pad(guard.near),
      nearCased: pad(guard.nearCased),
      notNear: pad(guard.notNear),
      notNearCased: pad(guard.notNearCased),
    };
    paddedGuards.set(guard, p);
  }
  return p;
}

/** True when `haystack` (already padded with a space on each side) contains one of the padded phrases. */
function containsAny(haystack: string, phrases: string[]): boolean {
  for (const p of phrases) if (haystack.includes(p)) return true;
  return false;
}

/**
 * The last `count` words of `text` (which ends where a candidate starts). The guard window is normally
 * much shorter than the slice it is taken from, so a shorter tail is tried first; its result is the same
 * whenever it holds more than `count` words (only its first word can be cut short).
 */
function lastWords(text: string, count: number, lower: boolean): string[] {
  const tail = count * 8;
  if (text.length > tail) {
    const list = words(text.slice(text.length - tail), lower);
    if (list.length > count) return list.slice(-count);
  }
  return words(text, lower).slice(-count);
}

/** The first `count` words of `text` (which starts where a candidate ends); see lastWords. */
function firstWords(text: string, count: number, lower: boolean): string[] {
  const head = count * 8;
  if (text.length > head) {
    const list = words(text.slice(0, head), lower);
    if (list.length > count) return list.slice(0, count);
  }
  return words(text, lower).slice(0, count);
}

/** Applies a dictionary guard to a candidate at [start, end) of `text`. */
function guardAllows(guard: CompiledGuard, text: string, start: number, end: number): boolean {
  // Words average well under 12 characters; the slice is generous and then cut to `window` words.
  const span = guard.window * 16;
  const beforeText = text.slice(Math.max(0, start - span), start);
  const afterText = text.slice(end, Math.min(text.length, end + span));
  const lowerBefore = lastWords(beforeText, guard.window, true);
  const lowerAfter = firstWords(afterText, guard.window, true);
  if (guard.notPrecededBy.length > 0 && lowerBefore.length > 0) {
    if (guard.notPrecededBy.includes(lowerBefore[lowerBefore.length - 1] as string)) return false;
  }
  if (guard.notFollowedBy.length > 0 && lowerAfter.length > 0) {
    if (guard.notFollowedBy.includes(lowerAfter[0] as string)) return false;
  }
  const phrases = padded(guard);
  // Padded once here, like the phrases: " phrase " in " window " is a whole-word test.
  const lowerWindow = ` ${lowerBefore.join(' ')} | ${lowerAfter.join(' ')} `;
  let casedWindow: string | null = null;
  const cased = (): string =>
    (casedWindow ??= ` ${lastWords(beforeText, guard.window, false).join(' ')} | ${firstWords(
      afterText,
      guard.window,
      false,
    ).join(' ')} `);
  if (containsAny(lowerWindow, phrases.notNear)) return false;
  if (phrases.notNearCased.length > 0 && containsAny(cased(), phrases.notNearCased)) return false;
  if (guard.near.length === 0 && guard.nearCased.length === 0) return true;
  return (
    containsAny(lowerWindow, phrases.near) || (phrases.nearCased.length > 0 && containsAny(cased(), phrases.nearCased))
  );
}
