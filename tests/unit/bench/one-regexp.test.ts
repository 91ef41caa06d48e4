import { describe, expect, it } from 'vitest';
import {
  boundaryErrors,
  oneRegExp,
  oneRegExpFlags,
  spans,
  wordAt,
  wordBefore,
  wordBoundedRegExp,
} from '../../../scripts/bench/one-regexp.js';

const PATTERNS = ['datenschutz', 'cybersécurité', 'état de droit', 'net neutrality', 'icann'];

describe('the one-RegExp contender', () => {
  it('asks for the u flag only once a pattern is not ASCII', () => {
    expect(oneRegExpFlags(['icann', 'net neutrality'])).toBe('gi');
    expect(oneRegExpFlags(PATTERNS)).toBe('giu');
  });

  it('prefers the longer pattern at the same start and takes dashes as separators', () => {
    const re = oneRegExp(['net', 'net neutrality']);
    expect([...spans('Net-neutrality rules', re)]).toEqual(['0:14']);
  });

  it('matches inside a word after a non-ASCII letter, where the reference does not', () => {
    const text = 'Großdatenschutz und Datenschutz';
    const found = spans(text, oneRegExp(PATTERNS));
    expect(found).toEqual(new Set(['4:15', '20:31']));
    expect(boundaryErrors(text, found, wordBoundedRegExp(PATTERNS))).toEqual({ insideWord: 1, missed: 0 });
  });

  it('misses words that start or end with a non-ASCII letter, which the reference finds', () => {
    const text = "La cybersécurité et l'État de droit.";
    const found = spans(text, oneRegExp(PATTERNS));
    expect(found.size).toBe(0);
    expect(boundaryErrors(text, found, wordBoundedRegExp(PATTERNS))).toEqual({ insideWord: 0, missed: 2 });
  });

  it('agrees with the reference on plain ASCII words', () => {
    const text = 'ICANN and net neutrality, not ICANNs or subnet neutrality.';
    const found = spans(text, oneRegExp(PATTERNS));
    expect(found.size).toBe(2);
    expect(boundaryErrors(text, found, wordBoundedRegExp(PATTERNS))).toEqual({ insideWord: 0, missed: 0 });
  });

  it('tells a match inside a word by its neighbours', () => {
    expect(wordBefore('ßdaten', 1)).toBe(true);
    expect(wordBefore(' daten', 1)).toBe(false);
    expect(wordBefore('daten', 0)).toBe(false);
    expect(wordAt('datené', 5)).toBe(true);
    expect(wordAt('daten.', 5)).toBe(false);
    expect(wordAt('daten', 5)).toBe(false);
  });
});
