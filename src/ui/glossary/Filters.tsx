// Search and category filter. The search box takes "/" from anywhere on the page, as on many reference sites.
import { useEffect, useRef } from 'preact/hooks';
import type { Category } from '../../core/dictionary-data.js';
import { t } from '../../platform/i18n.js';
import type { Filters as FilterState } from './url-state.js';

export function Filters({
  filters,
  categories,
  counts,
  total,
  onChange,
}: {
  filters: FilterState;
  categories: Category[];
  /** Terms matching the current search, per category id. */
  counts: Map<string, number>;
  /** Terms matching the current search, all categories. */
  total: number;
  onChange: (next: FilterState) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const options = [{ id: '', label: t('glossaryAllCategories'), count: total }].concat(
    categories.map((c) => ({ id: c.id, label: c.label, count: counts.get(c.id) ?? 0 })),
  );
  // Search and category chips stick together at the top, so that neither ever covers the other (a deep link
  // scrolls a term below both).
  return (
    <div class="glossary-toolbar no-print">
      <div class="glossary-search" role="search">
        <label for="glossary-search">{t('glossarySearchLabel')}</label>
        <input
          ref={input}
          id="glossary-search"
          type="search"
          autocomplete="off"
          spellcheck={false}
          placeholder={t('glossarySearchPlaceholder')}
          aria-describedby="glossary-search-hint"
          value={filters.q}
          onInput={(e) => onChange({ ...filters, q: e.currentTarget.value })}
        />
      </div>
      <p class="hint glossary-search-hint" id="glossary-search-hint">
        {t('glossarySearchHint')}
      </p>
      <fieldset class="glossary-categories">
        <legend>{t('glossaryCategoryLabel')}</legend>
        {options.map((o) => (
          <label class="chip-option" key={o.id || 'all'}>
            <input
              type="radio"
              name="category"
              value={o.id}
              checked={filters.category === o.id}
              onChange={() => onChange({ ...filters, category: o.id })}
            />
            <span class="chip-label">{o.label}</span> <span class="chip-count">{o.count}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
