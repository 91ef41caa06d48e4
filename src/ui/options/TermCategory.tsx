// One category of terms: a checkbox per term (named by its label) and bulk on/off for the terms listed.
import { t } from '../../platform/i18n.js';
import type { CategoryGroup, TermHit } from './term-index.js';

export function TermCategory({
  group,
  hits,
  disabled,
  filtered,
  onSet,
}: {
  group: CategoryGroup;
  /** The terms listed (all of the category, or those matching the search). */
  hits: TermHit[];
  disabled: ReadonlySet<string>;
  filtered: boolean;
  onSet: (ids: string[], enabled: boolean) => void;
}) {
  const ids = hits.map((h) => h.term.id);
  const on = group.terms.filter((term) => !disabled.has(term.id)).length;
  const headingId = `cat-${group.id}`;
  return (
    <fieldset class="term-group" aria-labelledby={headingId}>
      <div class="term-group-head">
        <h3 id={headingId}>{group.label}</h3>
        <span class="term-group-count">{t('optionsTermsCategoryCount', [String(on), String(group.terms.length)])}</span>
        <span class="term-group-actions">
          <button type="button" class="button small" onClick={() => onSet(ids, true)}>
            {filtered ? t('optionsTermsShowListed') : t('optionsTermsShowAll')}
            <span class="visually-hidden"> {t('optionsTermsInCategory', group.label)}</span>
          </button>
          <button type="button" class="button small" onClick={() => onSet(ids, false)}>
            {filtered ? t('optionsTermsHideListed') : t('optionsTermsHideAll')}
            <span class="visually-hidden"> {t('optionsTermsInCategory', group.label)}</span>
          </button>
        </span>
      </div>
      <ul class="term-list">
        {hits.map(({ term, via }) => {
          const id = `term-${term.id}`;
          return (
            <li key={term.id}>
              <input
                type="checkbox"
                id={id}
                checked={!disabled.has(term.id)}
                aria-describedby={via ? `${id}-via` : undefined}
                onChange={(e) => onSet([term.id], e.currentTarget.checked)}
              />
              <label for={id}>{term.label}</label>
              {via ? (
                <span class="hint term-via" id={`${id}-via`}>
                  {t('optionsTermsMatchedAlias', via)}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
