// Serves dictionary entries to popovers and pages: the full dictionary stays here, not in every page.
import dictionary from '../../build/generated/dictionary.json';
import type { DictionaryData, TermEntry } from '../core/dictionary-data.js';
import { referenceView } from '../core/reference-view.js';
import type { EntryResponse } from '../platform/messaging.js';

export const data = dictionary as unknown as DictionaryData;
const byId = new Map<string, TermEntry>(data.terms.map((t) => [t.id, t]));
const categoryLabels = new Map(data.categories.map((c) => [c.id, c.label]));

export function entryFor(id: string): EntryResponse | null {
  const entry = byId.get(id);
  if (!entry) return null;
  const keys = [...new Set(entry.positions.flatMap((p) => p.cites))];
  const relatedLabels: Record<string, string> = {};
  for (const r of entry.related) relatedLabels[r] = byId.get(r)?.label ?? r;
  return {
    entry,
    categoryLabel: categoryLabels.get(entry.category) ?? entry.category,
    references: keys.flatMap((k) => {
      const ref = data.references[k];
      return ref ? [referenceView(ref)] : [];
    }),
    relatedLabels,
  };
}
