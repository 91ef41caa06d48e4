// The glossary's view of the dictionary: each term with what the shared components need, what it is also
// written as, its search text, and the totals shown in the introduction.
import type { Category, DictionaryData, TermEntry } from '../../core/dictionary-data.js';
import { entryIndex, entryView } from '../../core/entry-view.js';
import type { CitationStyler } from '../../core/reference-view.js';
import type { EntryResponse } from '../../platform/messaging.js';
import { searchDoc, type SearchDoc } from '../components/search.js';

export interface GlossaryTerm {
  id: string;
  /** The same shape the background serves to popovers, so `Positions` renders both alike. */
  data: EntryResponse;
  /** Aliases that differ from the label other than in case, each spelling once. */
  alsoWritten: string[];
  search: SearchDoc;
}

export interface Glossary {
  categories: Category[];
  /** Alphabetical by label. */
  terms: GlossaryTerm[];
  byId: Map<string, GlossaryTerm>;
  stats: { terms: number; positions: number; works: number };
}

export function alsoWrittenAs(entry: Pick<TermEntry, 'label' | 'aliases'>): string[] {
  const seen = new Set([entry.label.toLowerCase()]);
  const out: string[] = [];
  for (const alias of entry.aliases) {
    const key = alias.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}

/** `styler`: the build's CSL copies (components/built-citations.ts), so that the glossary copies what the popover does. */
export function buildGlossary(dict: DictionaryData, styler?: CitationStyler): Glossary {
  const index = entryIndex(dict, styler);
  const cited = new Set<string>();
  let positions = 0;
  const terms = dict.terms
    .map((entry): GlossaryTerm => {
      const data = entryView(index, entry);
      for (const r of data.references) cited.add(r.key);
      positions += entry.positions.length;
      return {
        id: entry.id,
        data,
        alsoWritten: alsoWrittenAs(entry),
        // Holders too: readers look for a scholar they know ("Mueller") as often as for a word.
        search: searchDoc([
          entry.label,
          ...entry.aliases,
          entry.definition,
          ...entry.positions.flatMap((p) => p.holders),
        ]),
      };
    })
    .sort((a, b) => a.data.entry.label.localeCompare(b.data.entry.label, 'en', { sensitivity: 'base' }));
  return {
    categories: dict.categories,
    terms,
    byId: new Map(terms.map((t) => [t.id, t])),
    stats: { terms: terms.length, positions, works: cited.size },
  };
}

/** The term id named by a `#term-<id>` fragment, if any. */
export function termIdFromHash(hash: string): string | null {
  const m = /^#term-([a-z0-9-]{1,80})$/.exec(hash);
  return m ? (m[1] as string) : null;
}
