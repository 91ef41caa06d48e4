// The terms the options page lists, grouped by category, with a search over labels and aliases: from the
// term index (names, categories, aliases), not the whole dictionary.
import termIndexJson from '../../../build/generated/term-index.json';
import type { TermIndex } from '../../core/dictionary-data.js';
import { foldForSearch, matchesQuery, searchDoc } from '../components/search.js';

interface TermSummary {
  id: string;
  label: string;
  aliases: string[];
}

export interface CategoryGroup {
  id: string;
  label: string;
  terms: TermSummary[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Categories in the dictionary's order, terms alphabetical within each. */
const { categories, terms } = termIndexJson as TermIndex;

export const CATEGORY_GROUPS: readonly CategoryGroup[] = categories.map((c) => ({
  id: c.id,
  label: c.label,
  terms: terms
    .filter((t) => t.category === c.id)
    .map((t) => ({ id: t.id, label: t.label, aliases: t.aliases }))
    .sort((a, b) => collator.compare(a.label, b.label)),
}));

export const ALL_TERM_IDS: readonly string[] = CATEGORY_GROUPS.flatMap((g) => g.terms.map((t) => t.id));

export interface TermHit {
  term: TermSummary;
  /** The alias that matched when the label itself did not (shown so the reader sees why it is listed). */
  via?: string;
}

/** The terms of `group` that match `query` (all of them for an empty query). */
export function searchGroup(group: CategoryGroup, query: string): TermHit[] {
  if (!foldForSearch(query)) return group.terms.map((term) => ({ term }));
  const hits: TermHit[] = [];
  for (const term of group.terms) {
    if (matchesQuery(searchDoc([term.label, term.id.replace(/-/g, ' ')]), query)) {
      hits.push({ term });
      continue;
    }
    const alias = term.aliases.find((a) => matchesQuery(searchDoc([a]), query));
    if (alias !== undefined) hits.push({ term, via: alias });
  }
  return hits;
}
