// The terms found on the page, grouped by category with their counts; choosing one shows it on the page.
import { t, tCount } from '../../platform/i18n.js';
import type { TermGroup } from './group-terms.js';

export function TermList({ groups, onChoose }: { groups: TermGroup[]; onChoose: (id: string) => void }) {
  const terms = groups.reduce((n, g) => n + g.terms.length, 0);
  const mentions = groups.reduce((n, g) => n + g.mentions, 0);
  return (
    <section class="terms" aria-labelledby="popup-terms-heading">
      <div class="terms-head">
        <h2 id="popup-terms-heading">{t('popupTermsHeading')}</h2>
        <p class="terms-summary">
          {tCount('popupTerms', terms)} · {tCount('popupMentions', mentions)}
        </p>
      </div>
      <p class="hint" id="popup-terms-hint">
        {t('popupChooseHint')}
      </p>
      {/* A category is a heading and a list named after it (not a landmark each: a popup of seven regions
          would crowd the landmark menu). */}
      {groups.map((g) => (
        <div class="group" key={g.id}>
          <h3 class="group-title">
            <span id={`popup-group-${g.id}`}>{g.label}</span>{' '}
            <span class="group-count">{tCount('popupTerms', g.terms.length)}</span>
          </h3>
          <ul class="term-rows" aria-labelledby={`popup-group-${g.id}`}>
            {g.terms.map((term) => (
              <li key={term.id}>
                {/* Named in one string: a hidden ", 2 mentions" span after the label is a box of its own,
                    and Chromium put a space before its comma ("ICANN , 2 mentions"). */}
                <button
                  type="button"
                  class="term-row"
                  data-term={term.id}
                  aria-label={`${term.label}, ${tCount('popupMentions', term.count)}`}
                  aria-describedby="popup-terms-hint"
                  onClick={() => onChoose(term.id)}
                >
                  <span class="term-label">{term.label}</span>
                  <span class="term-count">{term.count.toLocaleString()}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
