// One term as the popover and the extension pages show it: the entry, its category's label, its cited works
// with their citations and lookups, the labels of related terms, and the debates it leads to with their
// stance headlines. Built where the dictionary lives (background, glossary), never in the content script.
import type { DictionaryData, TermEntry } from './dictionary-data.js';
import { type CitationStyler, referenceView, type ReferenceView } from './reference-view.js';

/** A debate entry a reference entry leads to: its label and the stance of each of its positions. */
export interface DebateLink {
  id: string;
  label: string;
  stances: string[];
}

export interface EntryView {
  entry: TermEntry;
  categoryLabel: string;
  references: ReferenceView[];
  relatedLabels: Record<string, string>;
  debates: DebateLink[];
  /** Set for the reader's own terms: their note and links instead of positions. */
  personal?: { note: string; links: { kind: 'doi' | 'isbn' | 'url'; text: string; url: string }[] };
}

export interface EntryIndex {
  byId: Map<string, TermEntry>;
  categoryLabels: Map<string, string>;
  references: DictionaryData['references'];
  /** The citation engine where there is one (the background's CSL engine). */
  styler?: CitationStyler;
}

export function entryIndex(dict: DictionaryData, styler?: CitationStyler): EntryIndex {
  return {
    ...(styler ? { styler } : {}),
    byId: new Map(dict.terms.map((t) => [t.id, t])),
    categoryLabels: new Map(dict.categories.map((c) => [c.id, c.label])),
    references: dict.references,
  };
}

export function entryView(index: EntryIndex, entry: TermEntry): EntryView {
  const keys = [...new Set(entry.positions.flatMap((p) => p.cites))];
  const relatedLabels: Record<string, string> = {};
  for (const id of entry.related) relatedLabels[id] = index.byId.get(id)?.label ?? id;
  return {
    entry,
    categoryLabel: index.categoryLabels.get(entry.category) ?? entry.category,
    references: keys.flatMap((k) => {
      const ref = index.references[k];
      return ref ? [referenceView(ref, index.styler)] : [];
    }),
    relatedLabels,
    debates: entry.debates.flatMap((id) => {
      const debate = index.byId.get(id);
      return debate ? [{ id, label: debate.label, stances: debate.positions.map((p) => p.stance) }] : [];
    }),
  };
}
