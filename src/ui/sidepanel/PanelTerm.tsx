// One term or debate in the page panel: a row with its mentions that opens in place to the entry (the
// definition, a reference entry's facts and debates, every position with its works), and "Show on page".
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { EntryIndex } from '../../core/entry-view.js';
import { entryView } from '../../core/entry-view.js';
import { t, tCount } from '../../platform/i18n.js';
import { DebateList, EntryFacts } from '../components/EntryFacts.js';
import { type CitationActions, Positions } from '../components/TermCard.js';

export function PanelTerm({
  id,
  label,
  mentions,
  index,
  actions,
  onShow,
  heading = false,
  children,
}: {
  id: string;
  label: string;
  mentions: number;
  index: EntryIndex;
  actions: CitationActions;
  /** Scrolls the page to the term and flashes it; absent when the term itself is not on the page. */
  onShow?: (id: string) => void;
  /** In the debates list each row is a heading (its positions are the level below). */
  heading?: boolean;
  /** Shown under the row, open or not (a debate's terms on the page). */
  children?: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const entry = index.byId.get(id);
  const view = useMemo(() => (open && entry ? entryView(index, entry) : null), [open, entry, index]);
  const detailId = `panel-${heading ? 'debate' : 'term'}-${id}`;
  const toggle = (
    <button
      type="button"
      class="panel-toggle"
      aria-expanded={open}
      aria-controls={detailId}
      data-term={id}
      // One string, as in the popup: a hidden ", 2 mentions" span is a box of its own and gained a space.
      aria-label={`${label}, ${tCount('popupMentions', mentions)}`}
      onClick={() => setOpen(!open)}
    >
      <span class="term-label">{label}</span>
      <span class="term-count">{mentions.toLocaleString()}</span>
    </button>
  );
  return (
    <li class="panel-term" data-open={open ? 'true' : 'false'}>
      <div class="panel-row">
        {heading ? <h3 class="panel-row-heading">{toggle}</h3> : toggle}
        {onShow ? (
          <button
            type="button"
            class="button small panel-show"
            aria-label={t('panelShowTerm', label)}
            title={t('panelShowTerm', label)}
            onClick={() => onShow(id)}
          >
            {t('panelShow')}
          </button>
        ) : null}
      </div>
      {children}
      <div class="panel-detail" id={detailId} hidden={!open}>
        {view ? (
          <>
            <p class="definition">{view.entry.definition}</p>
            <EntryFacts entry={view.entry} openUrl={actions.openUrl} />
            <DebateList
              debates={view.debates}
              render={(debate, content) => <span class="debate-link">{content}</span>}
            />
            {view.entry.positions.length > 0 ? (
              <>
                <p class="term-subhead">
                  {t('positionsHeading')}{' '}
                  <span class="spread-count">{tCount('positionsCount', view.entry.positions.length)}</span>
                </p>
                <Positions data={view} actions={actions} />
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </li>
  );
}
