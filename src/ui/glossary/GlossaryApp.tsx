// The glossary: every term with its definition, the positions on it and the works behind them; searchable,
// filterable by category, each term deep-linkable at #term-<id>.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PROVIDER_NAMES, searchUrl } from '../../core/lookup.js';
import { t, tCount } from '../../platform/i18n.js';
import type { Glossary, GlossaryTerm } from './glossary-data.js';
import { termIdFromHash } from './glossary-data.js';
import { Filters } from './Filters.js';
import { matchesQuery } from '../components/search.js';
import { TermSection } from './TermSection.js';
import { useCitationActions } from './use-citation-actions.js';
import { type Filters as FilterState, readFilters, writeFilters } from './url-state.js';

function shownBy(term: GlossaryTerm, f: FilterState): boolean {
  return (!f.category || term.data.entry.category === f.category) && matchesQuery(term.search, f.q);
}

export function GlossaryApp({ glossary }: { glossary: Glossary }) {
  const actions = useCitationActions();
  const [filters, setFilters] = useState<FilterState>(() =>
    readFilters(location.search, new Set(glossary.categories.map((c) => c.id))),
  );
  // Which section to scroll to and focus; `n` makes a repeated request for the same term a new one.
  const [reveal, setReveal] = useState<{ id: string; n: number } | null>(null);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const searched = useMemo(() => glossary.terms.filter((x) => matchesQuery(x.search, filters.q)), [filters.q]);
  const visible = useMemo(
    () => searched.filter((x) => !filters.category || x.data.entry.category === filters.category),
    [searched, filters.category],
  );
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const x of searched) m.set(x.data.entry.category, (m.get(x.data.entry.category) ?? 0) + 1);
    return m;
  }, [searched]);

  // Keep the filters in the URL (replaceState: typing must not fill the history).
  useEffect(() => {
    const next = writeFilters(location.search, filters);
    if (next !== location.search)
      history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`);
  }, [filters]);

  const revealTerm = (id: string): void => {
    const term = glossary.byId.get(id);
    if (!term) return;
    // A term hidden by the filters is shown by clearing them: the reader asked for it by name.
    if (!shownBy(term, filtersRef.current)) setFilters({ q: '', category: '' });
    setReveal((prev) => ({ id, n: (prev?.n ?? 0) + 1 }));
  };

  useEffect(() => {
    const onHash = (): void => {
      const id = termIdFromHash(location.hash);
      if (id) revealTerm(id);
    };
    // The browser scrolls to the fragment itself while the page loads, and that resets focus: reveal after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onLoad = (): void => {
      timer = setTimeout(onHash, 0);
    };
    if (document.readyState === 'complete') onHash();
    else window.addEventListener('load', onLoad, { once: true });
    window.addEventListener('hashchange', onHash);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('load', onLoad);
      window.removeEventListener('hashchange', onHash);
    };
  }, []);

  useLayoutEffect(() => {
    if (!reveal) return;
    const section = document.getElementById(`term-${reveal.id}`);
    const heading = document.getElementById(`term-${reveal.id}-title`);
    if (!section || !heading) return;
    section.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [reveal]);

  const filtered = filters.q.trim() !== '' || filters.category !== '';
  const groups = glossary.categories
    .map((c) => ({ category: c, terms: visible.filter((x) => x.data.entry.category === c.id) }))
    .filter((g) => g.terms.length > 0);
  const hasTerm = (id: string): boolean => glossary.byId.has(id);
  const { stats } = glossary;

  return (
    <main class="page glossary-page">
      <header class="glossary-header">
        <h1>{t('glossaryTitle')}</h1>
        <p class="glossary-intro">{t('glossaryIntro')}</p>
        <ul class="glossary-stats">
          <li>{tCount('glossaryStatTerms', stats.terms)}</li>
          <li>{tCount('glossaryStatPositions', stats.positions)}</li>
          <li>{tCount('glossaryStatWorks', stats.works)}</li>
        </ul>
        <p class="glossary-language">{t('glossaryEnglishOnly')}</p>
      </header>
      <Filters
        filters={filters}
        categories={glossary.categories}
        counts={counts}
        total={searched.length}
        onChange={setFilters}
      />
      <p class="glossary-status no-print" role="status">
        {filtered
          ? tCount('glossaryShowing', visible.length, [stats.terms.toLocaleString()])
          : t('glossaryShowingAll', stats.terms.toLocaleString())}
      </p>
      {visible.length === 0 ? (
        <div class="glossary-empty">
          <p>{filters.q.trim() ? t('glossaryNoMatch', filters.q.trim()) : t('glossaryNoMatchCategory')}</p>
          <p class="glossary-empty-actions">
            {filters.q.trim() ? (
              <a
                class="button primary"
                href={searchUrl(filters.q, actions.provider)}
                target="_blank"
                rel="noopener noreferrer"
                onClick={(e) => {
                  e.preventDefault();
                  actions.openUrl(searchUrl(filters.q, actions.provider));
                }}
              >
                {t('glossaryLookupQuery', [filters.q.trim(), PROVIDER_NAMES[actions.provider]])}
              </a>
            ) : null}
            <button type="button" class="button" onClick={() => setFilters({ q: '', category: '' })}>
              {t('glossaryShowAll')}
            </button>
          </p>
        </div>
      ) : (
        groups.map((g) => (
          <section class="glossary-category" key={g.category.id} aria-labelledby={`category-${g.category.id}`}>
            <h2 id={`category-${g.category.id}`}>
              {g.category.label} <span class="glossary-category-count">{g.terms.length.toLocaleString()}</span>
            </h2>
            {g.terms.map((term) => (
              <TermSection key={term.id} term={term} actions={actions} hasTerm={hasTerm} onReveal={revealTerm} />
            ))}
          </section>
        ))
      )}
    </main>
  );
}
