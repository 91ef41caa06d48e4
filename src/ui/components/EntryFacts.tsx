// What a reader of a reference entry needs besides its definition: the dated status, the primary source,
// the day the facts were last checked, and the debates the entry leads to. Shared by popover and glossary.
import type { ComponentChildren } from 'preact';
import type { TermEntry } from '../../core/dictionary-data.js';
import type { DebateLink } from '../../core/entry-view.js';
import { t } from '../../platform/i18n.js';

/**
 * One formatter per locale for the life of the page: toLocaleDateString builds a new one on every call, and
 * the first one loads the locale's data (about 14 ms in a popover's first render).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "2 December 2026" in the interface's language (the date is a calendar day, hence UTC). */
function formatReviewed(iso: string, locale = t('htmlLang')): string {
  try {
    let format = dateFormats.get(locale);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
      dateFormats.set(locale, format);
    }
    return format.format(new Date(`${iso}T00:00:00Z`));
  } catch {
    // An unknown locale or an invalid date: the ISO date still says it.
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

type RenderDebate = (debate: DebateLink, content: ComponentChildren) => ComponentChildren;

function debateItems(debates: DebateLink[], render: RenderDebate, label?: string) {
  return (
    <ul aria-label={label}>
      {debates.map((d) => (
        <li key={d.id}>
          {render(
            d,
            <>
              <span class="debate-label">{d.label}</span>
              {d.stances.length > 0 ? <span class="debate-stances">{d.stances.join(' · ')}</span> : null}
            </>,
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The debates a reference entry belongs to, each with its stance headlines, so that the disagreement is one
 * choice away. `render` decides what choosing does: the popover opens it in place. A landmark of its own.
 */
export function DebateLinks({ debates, render }: { debates: DebateLink[]; render: RenderDebate }) {
  if (debates.length === 0) return null;
  return (
    <nav class="debates" aria-label={t('debatesHeading')}>
      <h3 class="section-title">{t('debatesHeading')}</h3>
      {debateItems(debates, render)}
    </nav>
  );
}

/**
 * The same in a page of many terms (glossary, page panel): a labelled list under a subhead, not one more
 * landmark. A separate component so that the content script carries only the popover's.
 */
export function DebateList({ debates, render }: { debates: DebateLink[]; render: RenderDebate }) {
  if (debates.length === 0) return null;
  return (
    <div class="debates">
      <p class="section-title" aria-hidden="true">
        {t('debatesHeading')}
      </p>
      {debateItems(debates, render, t('debatesHeading'))}
    </div>
  );
}
