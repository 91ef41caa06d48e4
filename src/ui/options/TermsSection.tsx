// Which terms are shown: every dictionary term as a checkbox, grouped by category, with a search over
// labels and aliases. Only switched-off terms are stored (disabledTerms).
import { useMemo, useState } from 'preact/hooks';
import { t } from '../../platform/i18n.js';
import { Section } from './Section.js';
import { TermCategory } from './TermCategory.js';
import { ALL_TERM_IDS, CATEGORY_GROUPS, searchGroup } from './term-index.js';

export function TermsSection({
  disabledTerms,
  onChange,
}: {
  disabledTerms: string[];
  onChange: (disabledTerms: string[]) => void;
}) {
  const [query, setQuery] = useState('');
  const disabled = useMemo(() => new Set(disabledTerms), [disabledTerms]);
  const results = useMemo(
    () => CATEGORY_GROUPS.map((group) => ({ group, hits: searchGroup(group, query) })).filter((r) => r.hits.length),
    [query],
  );
  const total = ALL_TERM_IDS.length;
  const enabled = ALL_TERM_IDS.filter((id) => !disabled.has(id)).length;
  const matches = results.reduce((n, r) => n + r.hits.length, 0);
  const filtered = query.trim() !== '';

  const setTerms = (ids: string[], on: boolean): void => {
    // Ids unknown to this dictionary (from another version) are kept as they are.
    const next = on
      ? disabledTerms.filter((id) => !ids.includes(id))
      : [...disabledTerms, ...ids.filter((id) => !disabled.has(id))];
    if (next.length !== disabledTerms.length) onChange(next);
  };

  return (
    <Section id="terms" title={t('optionsTermsHeading')}>
      <p class="hint">{t('optionsTermsIntro')}</p>
      <div class="terms-totals">
        <p class="terms-count">
          <strong>{t('optionsTermsCount', [String(enabled), String(total)])}</strong>
        </p>
        {/* Always present: a button that vanished on click would drop keyboard focus. */}
        <button type="button" class="button small" onClick={() => setTerms([...ALL_TERM_IDS], true)}>
          {t('optionsTermsShowEvery')}
        </button>
      </div>
      <div class="terms-search" role="search">
        <label for="term-search">{t('optionsTermsSearchLabel')}</label>
        <input
          type="search"
          id="term-search"
          value={query}
          autoComplete="off"
          spellcheck={false}
          aria-describedby="term-search-status"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <p id="term-search-status" class="hint" role="status">
          {filtered
            ? matches === 0
              ? t('optionsTermsNoMatch', query.trim())
              : t('optionsTermsMatches', [String(matches), query.trim()])
            : ''}
        </p>
      </div>
      {results.map(({ group, hits }) => (
        <TermCategory
          key={group.id}
          group={group}
          hits={hits}
          disabled={disabled}
          filtered={filtered}
          onSet={setTerms}
        />
      ))}
    </Section>
  );
}
