// One term of the glossary: label, category, other spellings, definition, the positions laid out as in the
// popover (every stance on one row, opened in place for its summary and works), and related terms' links.
import { t, tCount } from '../../platform/i18n.js';
import { DebateList, EntryFacts } from '../components/EntryFacts.js';
import { type CitationActions, Positions } from '../components/TermCard.js';
import type { GlossaryTerm } from './glossary-data.js';

export function TermSection({
  term,
  actions,
  hasTerm,
  onReveal,
}: {
  term: GlossaryTerm;
  actions: CitationActions;
  hasTerm: (id: string) => boolean;
  /** Shows a term's section even when the fragment already names it (no hashchange then). */
  onReveal: (id: string) => void;
}) {
  const { entry, categoryLabel, relatedLabels } = term.data;
  const titleId = `term-${term.id}-title`;
  const related = entry.related.filter(hasTerm);
  // Not named (a named section is a region landmark, and 480 of them would bury the page's real landmarks):
  // screen readers reach each term by its heading.
  return (
    <section id={`term-${term.id}`} class="term" data-category={entry.category}>
      <header class="term-header">
        <h3 id={titleId} tabIndex={-1}>
          {entry.label}
        </h3>
        <a
          class="term-permalink no-print"
          href={`#term-${term.id}`}
          aria-label={t('glossaryPermalink', entry.label)}
          title={t('glossaryPermalink', entry.label)}
          onClick={(e) => {
            if (location.hash === `#term-${term.id}`) {
              e.preventDefault();
              onReveal(term.id);
            }
          }}
        >
          #
        </a>
      </header>
      <p class="term-category">{categoryLabel}</p>
      {term.alsoWritten.length > 0 ? (
        <p class="term-aliases">
          <span class="term-aliases-label">{t('glossaryAlsoWritten')}</span>{' '}
          {term.alsoWritten.map((alias, i) => (
            <span key={alias}>
              {i > 0 ? ', ' : ''}
              <span class="alias">{alias}</span>
            </span>
          ))}
        </p>
      ) : null}
      <p class="definition">{entry.definition}</p>
      <EntryFacts entry={entry} openUrl={actions.openUrl} />
      <DebateList
        debates={term.data.debates.filter((d) => hasTerm(d.id))}
        render={(debate, content) => (
          <a
            class="debate-link"
            href={`#term-${debate.id}`}
            onClick={(e) => {
              if (location.hash === `#term-${debate.id}`) {
                e.preventDefault();
                onReveal(debate.id);
              }
            }}
          >
            {content}
          </a>
        )}
      />
      {entry.positions.length > 0 ? (
        <>
          <p class="term-subhead">
            {t('positionsHeading')} <span class="spread-count">{tCount('positionsCount', entry.positions.length)}</span>
          </p>
          <Positions data={term.data} actions={actions} />
        </>
      ) : null}
      {related.length > 0 ? (
        <div class="term-related">
          <span class="term-subhead" id={`term-${term.id}-related`}>
            {t('relatedHeading')}
          </span>
          <ul aria-labelledby={`term-${term.id}-related`}>
            {related.map((id) => (
              <li key={id}>
                <a
                  href={`#term-${id}`}
                  onClick={(e) => {
                    if (location.hash === `#term-${id}`) {
                      e.preventDefault();
                      onReveal(id);
                    }
                  }}
                >
                  {relatedLabels[id] ?? id}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
