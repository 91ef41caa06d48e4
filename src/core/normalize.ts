// Text normalisation for matching. Page text and aliases go through the same folding so that
// "Multi‑Stakeholder" (non-breaking hyphen), "multi stakeholder" and "multi-stakeholder" compare equal,
// while an offset map keeps every normalised character tied to the original characters it came from.

/** Output of folding one UTF-16 code unit: a string to emit, SEPARATOR, or IGNORE. */
const SEPARATOR = ' ';
export const IGNORE = '';

const SEPARATOR_CODE = 0x20;

// Characters dropped entirely: soft hyphen and zero-width characters that pages use for line breaking.
const IGNORABLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e]);

// Hyphens and dashes count as word separators, like spaces.
const DASHES = new Set([
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d, 0x2e3a, 0x2e3b,
]);

// Apostrophe look-alikes fold to the ASCII apostrophe.
const APOSTROPHES = new Set([0x2018, 0x2019, 0x201b, 0x02bc, 0x2032, 0xff07, 0x60]);

function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

const nonAsciiCache = new Map<number, string>();

/**
 * Folds one code unit. Lone surrogates are passed through unchanged (aliases never contain them),
 * so the result for a surrogate pair is the pair itself, which is what a case-insensitive match needs.
 */
export function foldCode(c: number, lower: boolean): string {
  if (c < 0x80) {
    if (c === 0x2d || isSpaceCode(c)) return SEPARATOR;
    if (c === 0x60) return "'";
    if (lower && c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
    return String.fromCharCode(c);
  }
  if (IGNORABLE.has(c)) return IGNORE;
  if (DASHES.has(c) || isSpaceCode(c)) return SEPARATOR;
  if (APOSTROPHES.has(c)) return "'";
  if (c >= 0xd800 && c <= 0xdfff) return String.fromCharCode(c);
  const key = lower ? c : -c;
  let out = nonAsciiCache.get(key);
  if (out === undefined) {
    out = String.fromCharCode(c).normalize('NFKC');
    if (lower) out = out.toLowerCase();
    // NFKC can itself produce spaces, dashes or primes (U+FF0D, U+2033 -> two U+2032): fold those too,
    // so that normalising twice changes nothing.
    out = Array.from(out, (ch) => {
      const code = ch.charCodeAt(0);
      if (DASHES.has(code) || isSpaceCode(code)) return SEPARATOR;
      if (APOSTROPHES.has(code)) return "'";
      return IGNORABLE.has(code) ? IGNORE : ch;
    }).join('');
    nonAsciiCache.set(key, out);
  }
  return out;
}

export interface NormalizedText {
  /** The folded text: runs of separators collapsed to one space. */
  text: string;
  /** For each character of `text`, the index in the original of the character it came from. */
  starts: Int32Array;
  /** For each character of `text`, the index just past the original character(s) it came from. */
  ends: Int32Array;
}

/**
 * Normalises `source` for matching, keeping an offset map back to `source`.
 * `lower` folds case; case-sensitive aliases are compared on the unlowered form.
 */
export function normalizeWithMap(source: string, lower = true): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let lastWasSeparator = false;
  for (let i = 0; i < source.length; i++) {
    const folded = foldCode(source.charCodeAt(i), lower);
    if (folded === IGNORE) continue;
    if (folded === SEPARATOR) {
      if (lastWasSeparator) {
        ends[ends.length - 1] = i + 1;
        continue;
      }
      lastWasSeparator = true;
    } else {
      lastWasSeparator = false;
    }
    for (let k = 0; k < folded.length; k++) {
      const ch = folded[k] as string;
      if (ch === SEPARATOR && k > 0 && text.endsWith(SEPARATOR)) continue;
      text += ch;
      starts.push(i);
      ends.push(i + 1);
    }
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

// ASCII answers of foldCode, one table per case mode, for normalizeText's fast path.
const ASCII_LOWER = new Uint16Array(0x80);
const ASCII_CASED = new Uint16Array(0x80);
for (let c = 0; c < 0x80; c++) {
  ASCII_LOWER[c] = foldCode(c, true).charCodeAt(0);
  ASCII_CASED[c] = foldCode(c, false).charCodeAt(0);
}

/**
 * The `text` of normalizeWithMap(source, lower), without building the offset map: guards normalise the
 * words around every guarded candidate, and the map (two arrays, a string built a character at a time)
 * made that the matcher's most expensive step.
 */
export function normalizeText(source: string, lower = true): string {
  // Most text that guards and case checks normalise is ASCII that folding leaves alone but for case (single
  // spaces, no dashes): the engine's own toLowerCase then does it without building the text code by code.
  const n = source.length;
  let i = 0;
  for (let lastWasSpace = false; i < n; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0x80 || ASCII_CASED[c] !== c) break;
    if (c === SEPARATOR_CODE) {
      if (lastWasSpace) break;
      lastWasSpace = true;
    } else {
      lastWasSpace = false;
    }
  }
  if (i === n) return lower ? source.toLowerCase() : source;
  const table = lower ? ASCII_LOWER : ASCII_CASED;
  const out: number[] = [];
  let lastWasSeparator = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c < 0x80) {
      const code = table[c] as number;
      if (code === SEPARATOR_CODE) {
        if (lastWasSeparator) continue;
        lastWasSeparator = true;
      } else {
        lastWasSeparator = false;
      }
      out.push(code);
      continue;
    }
    const folded = foldCode(c, lower);
    if (folded === IGNORE) continue;
    if (folded === SEPARATOR) {
      if (lastWasSeparator) continue;
      lastWasSeparator = true;
    } else {
      lastWasSeparator = false;
    }
    for (let k = 0; k < folded.length; k++) {
      const code = folded.charCodeAt(k);
      if (code === SEPARATOR_CODE && k > 0 && out[out.length - 1] === SEPARATOR_CODE) continue;
      out.push(code);
    }
  }
  let text = '';
  // In chunks: fromCharCode takes its codes as arguments.
  for (let i = 0; i < out.length; i += 4096) text += String.fromCharCode(...out.slice(i, i + 4096));
  return text;
}

/** Normalises an alias or phrase: folded, separators collapsed, trimmed. */
export function normalizePhrase(phrase: string, lower = true): string {
  return normalizeText(phrase, lower).trim();
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

// Answers for non-ASCII code units, filled in on first use (0: not yet known, 1: word, 2: not): the matcher
// asks once per character of non-Latin text, and a Unicode property test per call would dominate.
let wordCache: Uint8Array | null = null;

/** True for characters that continue a word: letters, digits and combining marks in any script. */
export function isWordCode(c: number): boolean {
  if (c < 0x80) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  }
  if (c > 0xffff) return nonAsciiIsWord(c);
  wordCache ??= new Uint8Array(0x10000);
  let known = wordCache[c] as number;
  if (known === 0) {
    known = nonAsciiIsWord(c) ? 1 : 2;
    wordCache[c] = known;
  }
  return known === 1;
}

/** isWordCode for a whole code point (a surrogate pair's value); a lone surrogate is not a word character. */
export function isWordCodePoint(cp: number): boolean {
  if (cp <= 0xffff) return cp >= 0xd800 && cp <= 0xdfff ? false : isWordCode(cp);
  return NON_ASCII_WORD.test(String.fromCodePoint(cp));
}

function nonAsciiIsWord(c: number): boolean {
  if (IGNORABLE.has(c)) return false;
  if (c >= 0xd800 && c <= 0xdfff) return true;
  // Latin-1 and General Punctuation answered directly: nearly every Western page has curly quotes, dashes
  // or no-break spaces, and compiling the Unicode property RegExp costs a few tenths of a millisecond.
  if (c <= 0xff) return isLatin1Word(c);
  if (c >= 0x2000 && c <= 0x206f) return false;
  return NON_ASCII_WORD.test(String.fromCharCode(c));
}

/** \p{L}, \p{N} or \p{M} for U+0080..U+00FF: letters from U+00C0 on (but × and ÷), ª µ º, ² ³ ¹ ¼ ½ ¾. */
function isLatin1Word(c: number): boolean {
  if (c >= 0xc0) return c !== 0xd7 && c !== 0xf7;
  return c === 0xaa || c === 0xb5 || c === 0xba || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe);
}

/** True for code units that normalisation drops (soft hyphen, zero-width characters). */
export function isIgnorableCode(c: number): boolean {
  return IGNORABLE.has(c);
}
