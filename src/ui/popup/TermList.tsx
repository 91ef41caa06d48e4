// The terms found on the page, grouped by category with their counts; choosing one shows it on the page.
import { t } from '../../platform/i18n.js';
import type { TermGroup } from './group-terms.js';
import { countText } from './plural.js';

export function TermList({ groups, onChoose }: { groups: TermGroup[]; onChoose: (id: string) => void }) {
  const terms = groups.reduce((n, g) => n + g.terms.length, 0);
  const mentions = groups.reduce((n, g) => n + g.mentions, 0);
  return (
    <section class="terms" aria-labelledby="popup-terms-heading">
      <div class="terms-head">
        <h2 id="popup-terms-heading">{t('popupTermsHeading')}</h2>
        <p class="terms-summary">
          {countText(terms, 'popupTermsOne', 'popupTermsMany')} ·{' '}
          {countText(mentions, 'popupMentionsOne', 'popupMentionsMany')}
        </p>
      </div>
      <p class="hint" id="popup-terms-hint">
        {t('popupChooseHint')}
      </p>
      {groups.map((g) => (
        <section class="group" key={g.id} aria-labelledby={`popup-group-${g.id}`}>
          <h3 class="group-title" id={`popup-group-${g.id}`}>
            <span>{g.label}</span>
            <span class="group-count">{countText(g.terms.length, 'popupTermsOne', 'popupTermsMany')}</span>
          </h3>
          <ul class="term-rows">
            {g.terms.map((term) => (
              <li key={term.id}>
                <button
                  type="button"
                  class="term-row"
                  data-term={term.id}
                  aria-describedby="popup-terms-hint"
                  onClick={() => onChoose(term.id)}
                >
                  <span class="term-label">{term.label}</span>
                  <span class="term-count">
                    <span aria-hidden="true">{term.count.toLocaleString()}</span>
                    <span class="visually-hidden">
                      , {countText(term.count, 'popupMentionsOne', 'popupMentionsMany')}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
