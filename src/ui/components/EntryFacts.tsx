// What a reader of a reference entry needs besides its definition: the dated status, the primary source,
// the day the facts were last checked, and the debates the entry leads to. Shared by popover and glossary.
import type { ComponentChildren } from 'preact';
import type { TermEntry } from '../../core/dictionary-data.js';
import type { DebateLink } from '../../core/entry-view.js';
import { t } from '../../platform/i18n.js';

/** "2 December 2026" in the interface's language; the ISO date itself where Intl cannot format it. */
export function formatReviewed(iso: string, locale = t('htmlLang')): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(/^[a-z]{2}(-[A-Z]{2})?$/.test(locale) ? locale : 'en', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  } catch {
    return iso;
  }
}

export function EntryFacts({ entry, openUrl }: { entry: TermEntry; openUrl: (url: string) => void }) {
  if (!entry.status && !entry.source && !entry.reviewed) return null;
  return (
    <div class="entry-facts">
      {entry.status ? <p class="entry-status">{entry.status}</p> : null}
      <p class="entry-provenance">
        {entry.source ? (
          <a
            class="action entry-source"
            href={entry.source.url}
            target="_blank"
            rel="noopener noreferrer"
            title={entry.source.url}
            onClick={(e) => {
              e.preventDefault();
              if (entry.source) openUrl(entry.source.url);
            }}
          >
            {t('entrySource', entry.source.title)}
            <span aria-hidden="true"> ↗</span>
          </a>
        ) : null}
        {entry.reviewed ? (
          <time class="entry-reviewed" dateTime={entry.reviewed}>
            {t('entryAsOf', formatReviewed(entry.reviewed))}
          </time>
        ) : null}
      </p>
    </div>
  );
}

/**
 * The debates a reference entry belongs to, each with its stance headlines, so that the disagreement is one
 * choice away. `render` decides what choosing does: the popover opens it in place, the glossary links to it.
 */
export function DebateLinks({
  debates,
  render,
}: {
  debates: DebateLink[];
  render: (debate: DebateLink, content: ComponentChildren) => ComponentChildren;
}) {
  if (debates.length === 0) return null;
  return (
    <nav class="debates" aria-label={t('debatesHeading')}>
      <h3 class="section-title">{t('debatesHeading')}</h3>
      <ul>
        {debates.map((d) => (
          <li key={d.id}>
            {render(
              d,
              <>
                <span class="debate-label">{d.label}</span>
                {d.stances.length > 0 ? (
                  <span class="debate-stances">
                    <span class="visually-hidden">{t('debateStancesIntro', String(d.stances.length))} </span>
                    {d.stances.join(' · ')}
                  </span>
                ) : null}
              </>,
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
