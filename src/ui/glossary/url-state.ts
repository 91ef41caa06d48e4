// The glossary's filters in its URL (`?q=` and `?category=`), so that a search can be linked, reloaded and
// opened from the context menu.

export interface Filters {
  q: string;
  /** A category id, or '' for all categories. */
  category: string;
}

const MAX_QUERY = 200;

export function readFilters(search: string, categoryIds: ReadonlySet<string>): Filters {
  const params = new URLSearchParams(search);
  const q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
  const category = params.get('category') ?? '';
  return { q, category: categoryIds.has(category) ? category : '' };
}

/** The URL's query string for `filters` ('' when nothing is filtered), keeping unrelated parameters. */
export function writeFilters(search: string, filters: Filters): string {
  const params = new URLSearchParams(search);
  const q = filters.q.trim();
  if (q) params.set('q', q.slice(0, MAX_QUERY));
  else params.delete('q');
  if (filters.category) params.set('category', filters.category);
  else params.delete('category');
  const s = params.toString();
  return s ? `?${s}` : '';
}
