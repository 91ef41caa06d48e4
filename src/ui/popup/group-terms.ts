// The page's terms grouped by dictionary category, for the popup's list.
import type { TermIndex } from '../../core/dictionary-data.js';
import type { TermCount } from '../../core/messages.js';

interface TermRow {
  id: string;
  label: string;
  count: number;
}

export interface TermGroup {
  id: string;
  label: string;
  terms: TermRow[];
  /** Occurrences of all the group's terms on the page. */
  mentions: number;
}

/**
 * Groups in the dictionary's category order; within a group the most frequent term first, then by label.
 * Ids the dictionary no longer knows (a stale result from an older version) are left out.
 */
export function groupTerms(found: TermCount[], data: TermIndex): TermGroup[] {
  const byId = new Map(data.terms.map((t) => [t.id, t]));
  const groups = new Map<string, TermGroup>(
    data.categories.map((c) => [c.id, { id: c.id, label: c.label, terms: [], mentions: 0 }]),
  );
  for (const f of found) {
    const term = byId.get(f.id);
    if (!term) continue;
    let group = groups.get(term.category);
    if (!group) {
      group = { id: term.category, label: term.category, terms: [], mentions: 0 };
      groups.set(term.category, group);
    }
    group.terms.push({ id: f.id, label: term.label, count: f.count });
    group.mentions += f.count;
  }
  const out = [...groups.values()].filter((g) => g.terms.length > 0);
  for (const g of out) g.terms.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return out;
}
