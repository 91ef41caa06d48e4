// The page panel (Chrome's side panel, Firefox's sidebar): beside the text, the current tab's debates and
// terms with their counts, each opening in place to its positions and works, "Show on page" for each, and
// the page's reading list with its exports. It follows tab switches and grows as the page reports new text.
import { useMemo, useState } from 'preact/hooks';
import dictionary from '../../../build/generated/dictionary.json';
import type { DictionaryData } from '../../core/dictionary-data.js';
import { entryIndex } from '../../core/entry-view.js';
import { t, tCount } from '../../platform/i18n.js';
import { activateTab, sendToTab } from '../../platform/tabs.js';
import { builtStyler } from '../components/built-citations.js';
import { useCitationActions } from '../glossary/use-citation-actions.js';
import { useSettings } from '../options/use-settings.js';
import { groupTerms } from '../popup/group-terms.js';
import { Notice, RestrictedNotice } from '../popup/Notice.js';
import { siteState } from '../popup/site-state.js';
import { useTabTerms } from '../popup/use-tab-terms.js';
import type { Target } from '../popup/use-target-tab.js';
import { ReadingList } from '../reading-list/ReadingList.js';
import { pageDebates } from './page-debates.js';
import { PanelTerm } from './PanelTerm.js';
import { usePanelTab } from './use-panel-tab.js';

const data = dictionary as unknown as DictionaryData;
// The build's formatted citations, so that "Copy Chicago" copies Chicago (without them it falls back to APA).
const index = entryIndex(data, builtStyler);

export function PanelApp({ search }: { search: string }) {
  const target = usePanelTab(search);
  const { parsed } = useSettings();
  return (
    <>
      <header class="panel-header">
        <img class="popup-logo" src="icons/icon-32.png" width={20} height={20} alt="" />
        <div>
          <h1>{t('extName')}</h1>
          {target.status === 'ready' ? <p class="panel-host">{target.hostname}</p> : null}
        </div>
      </header>
      <main class="panel-main" aria-busy={target.status === 'loading' || !parsed}>
        {target.status === 'loading' || !parsed ? (
          <p class="popup-status">{t('popupLoading')}</p>
        ) : target.status !== 'ready' ? (
          <Unavailable target={target} />
        ) : siteState(parsed.settings, target.hostname) !== 'on' ? (
          <Notice title={t('popupSiteOffDenied')} detail={t('popupSiteOffDetail')} />
        ) : (
          <PageTerms key={target.tabId} tabId={target.tabId} active={target.active} />
        )}
      </main>
    </>
  );
}

function Unavailable({ target }: { target: Exclude<Target, { status: 'loading' | 'ready' }> }) {
  switch (target.status) {
    case 'no-tab':
      return <Notice title={t('popupNoTab')} />;
    case 'restricted':
      return <RestrictedNotice reason={target.reason} />;
    case 'unreachable':
      return (
        <Notice
          title={target.isWebPage ? t('popupUnreachable') : t('popupRestricted')}
          detail={target.isWebPage ? t('popupUnreachableReload') : t('popupUnreachableDetail')}
        />
      );
  }
}

function PageTerms({ tabId, active }: { tabId: number; active: boolean }) {
  const terms = useTabTerms(tabId);
  const actions = useCitationActions();
  const [error, setError] = useState<string | null>(null);
  const groups = useMemo(() => (terms ? groupTerms(terms, data) : []), [terms]);
  const debates = useMemo(() => (terms ? pageDebates(terms, data) : []), [terms]);
  const termIds = useMemo(() => (terms ?? []).map((x) => x.id), [terms]);
  const found = useMemo(() => new Set(termIds), [termIds]);

  const show = async (id: string): Promise<void> => {
    setError(null);
    const shown = await sendToTab(tabId, { type: 'show-term', id }).catch(() => false);
    if (shown !== true) setError(t('popupShowFailed'));
    else if (!active) await activateTab(tabId).catch(() => undefined);
  };
  const onShow = (id: string): void => void show(id);

  if (!terms) return <p class="popup-status">{t('popupLookingForTerms')}</p>;
  if (groups.length === 0) return <Notice title={t('popupNoTerms')} detail={t('popupNoTermsDetail')} />;
  const mentions = groups.reduce((n, g) => n + g.mentions, 0);
  return (
    <>
      {error ? (
        <p class="popup-error" role="alert">
          {error}
        </p>
      ) : null}
      <p class="panel-summary" role="status">
        {tCount('popupTerms', termIds.length)} · {tCount('popupMentions', mentions)}
      </p>
      {debates.length > 0 ? (
        <section class="panel-section" aria-labelledby="panel-debates">
          <h2 id="panel-debates">
            {t('panelDebatesHeading')}
            <span class="group-count">{tCount('panelDebates', debates.length)}</span>
          </h2>
          <ul class="panel-list">
            {debates.map((d) => (
              <PanelTerm
                key={d.id}
                id={d.id}
                label={d.label}
                mentions={d.mentions}
                index={index}
                actions={actions}
                heading
                {...(found.has(d.id) ? { onShow } : {})}
              >
                <p class="panel-via">
                  {tCount('positionsCount', d.positions)}
                  {d.via.some((v) => v.id !== d.id) ? (
                    <>
                      {' · '}
                      {t('panelVia')}{' '}
                      {d.via
                        .filter((v) => v.id !== d.id)
                        .map((v, i) => (
                          <span key={v.id}>
                            {i > 0 ? ', ' : ''}
                            <button
                              type="button"
                              class="action"
                              aria-label={t('panelShowTerm', index.byId.get(v.id)?.label ?? v.id)}
                              onClick={() => onShow(v.id)}
                            >
                              {index.byId.get(v.id)?.label ?? v.id}
                            </button>
                          </span>
                        ))}
                    </>
                  ) : null}
                </p>
              </PanelTerm>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="panel-section" aria-labelledby="panel-terms">
        <h2 id="panel-terms">{t('popupTermsHeading')}</h2>
        {/* Each category: a heading and a list named after it, as in the popup. */}
        {groups.map((g) => (
          <div class="group" key={g.id}>
            <h3 class="group-title">
              <span id={`panel-group-${g.id}`}>{g.label}</span>{' '}
              <span class="group-count">{tCount('popupTerms', g.terms.length)}</span>
            </h3>
            <ul class="panel-list" aria-labelledby={`panel-group-${g.id}`}>
              {g.terms.map((term) => (
                <PanelTerm
                  key={term.id}
                  id={term.id}
                  label={term.label}
                  mentions={term.count}
                  index={index}
                  actions={actions}
                  onShow={onShow}
                />
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section class="panel-section" aria-labelledby="panel-reading-list">
        <h2 id="panel-reading-list">{t('readingListTitle')}</h2>
        <details class="panel-reading-list">
          <summary>{t('panelReadingListShow')}</summary>
          <ReadingList termIds={termIds} groupHeading="h3" />
        </details>
      </section>
    </>
  );
}
