// Summaries are our own words: none repeats six or more consecutive words of a `stance` pointer in the
// workplace's verified bibliography (pointers to what a work argues, not text to reuse).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDictionary } from '../../../src/build/load-dictionary.js';

const root = join(import.meta.dirname, '..', '..', '..');
const bibliography = join(process.env.NETGOV_SHARED ?? join(root, '..', 'shared'), 'bibliography', 'verified.json');
const available = existsSync(bibliography);
if (!available && process.env.CI === 'true') throw new Error(`CI needs the verified bibliography at ${bibliography}`);
if (!available) console.log(`own-words: skipped, ${bibliography} not found (set NETGOV_SHARED to the shared folder)`);

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];

/** Every run of `n` consecutive words, joined by spaces. */
export function shingles(s: string, n = 6): Set<string> {
  const w = words(s);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

// Read only when present: vitest collects a skipped suite's body too.
const stances = available
  ? (JSON.parse(readFileSync(bibliography, 'utf8')) as { key: string; stance?: string | null }[]).filter((e) => e.stance)
  : [];

describe.runIf(available)('summaries in our own words', () => {
  const runs = new Map<string, string>();
  for (const e of stances) for (const s of shingles(e.stance as string)) runs.set(s, e.key);
  const loaded = loadDictionary(join(root, 'dictionary'));

  it('has stance pointers to compare with', () => {
    expect(stances.length).toBeGreaterThan(50);
  });

  it('repeats no six consecutive words of a stance pointer', () => {
    const copied = loaded.terms.flatMap((t) =>
      t.positions.flatMap((p) =>
        [...shingles(p.summary)].filter((s) => runs.has(s)).map((s) => `${t.id} "${p.stance}": "${s}" (${runs.get(s)})`),
      ),
    );
    expect(copied).toEqual([]);
  });
});

describe('shingles', () => {
  it('finds a six-word run regardless of case and punctuation', () => {
    const a = shingles('The model can also function as a reinforcement of power.');
    expect(a.has('can also function as a reinforcement')).toBe(true);
    expect([...shingles('Carr: the MODEL, can also function as')].some((s) => a.has(s))).toBe(true);
    expect(shingles('five words are not enough').size).toBe(0);
  });
});
