// The toolbar popup, the quick view: the current site and its switch, the terms found on the page grouped by
// category, the offer to open the page panel beside the text, and plain words when there is nothing to show (no terms, a page the browser keeps us out of, switched off).
import { useEffect, useMemo, useState } from 'preact/hooks';
import termIndexJson from '../../../build/generated/term-index.json';
import type { TermIndex } from '../../core/dictionary-data.js';
import type { Settings } from '../../core/settings.js';
import { t } from '../../platform/i18n.js';
import { changeSettings, sendToBackground } from '../../platform/messaging.js';
import { canOpenPanel, openPanel } from '../../platform/side-panel.js';
import { activateTab, openExtensionPage, reloadTab, sendToTab } from '../../platform/tabs.js';
import { useSettings } from '../options/use-settings.js';
import { groupTerms } from './group-terms.js';
import { Notice, RestrictedNotice } from './Notice.js';
import { siteState } from './site-state.js';
import { SiteSwitch } from './SiteSwitch.js';
import { TermList } from './TermList.js';
import { useTabTerms } from './use-tab-terms.js';
import { type Target, useTargetTab } from './use-target-tab.js';

const data = termIndexJson as TermIndex;
/** After a site is switched on, how long "looking for terms" may show before "none found". */
const RESCAN_GRACE_MS = 2500;

/** The page's reading list opens in a tab of its own, next to the page it describes. */
async function openReadingList(tabId: number): Promise<void> {
  await openExtensionPage(`reading-list.html?tabId=${tabId}`);
  window.close();
}

function openPage(type: 'open-options' | 'open-glossary'): void {
  void sendToBackground({ type })
    .catch(() => undefined)
    .then(() => window.close());
}

export function PopupApp({ search }: { search: string }) {
  const target = useTargetTab(search);
  const { parsed, update } = useSettings();
  const terms = useTabTerms(target.status === 'ready' ? target.tabId : null);
  const groups = useMemo(() => (terms ? groupTerms(terms, data) : []), [terms]);
  const [busy, setBusy] = useState(false);
  const [rescanning, setRescanning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // New results end the wait after switching on; so does the grace period, for pages without terms.
  useEffect(() => {
    if (!rescanning) return undefined;
    const timer = setTimeout(() => setRescanning(false), RESCAN_GRACE_MS);
    return () => clearTimeout(timer);
  }, [rescanning]);
  useEffect(() => {
    if (terms && terms.length > 0) setRescanning(false);
  }, [terms]);

  return (
    <>
      <header class="popup-header">
        <img class="popup-logo" src="icons/icon-32.png" width={20} height={20} alt="" />
        <h1>{t('extName')}</h1>
        <nav class="popup-nav" aria-label={t('popupPagesLabel')}>
          <button type="button" class="button small" onClick={() => openPage('open-glossary')}>
            {t('popupGlossary')}
          </button>
          <button type="button" class="button small" onClick={() => openPage('open-options')}>
            {t('popupOptions')}
          </button>
        </nav>
      </header>
      <main class="popup-main" aria-busy={target.status === 'loading' || !parsed}>
        {target.status === 'loading' || !parsed ? (
          <p class="popup-status">{t('popupLoading')}</p>
        ) : (
          <Body
            target={target}
            parsed={parsed.settings}
            busy={busy}
            rescanning={rescanning}
            error={error}
            groups={groups}
            termsLoaded={terms !== null}
            onTurnOnEverywhere={() => void update({ enabled: true })}
            onToggle={async (hostname, enable) => {
              setBusy(true);
              setError(null);
              try {
                const result = await changeSettings({ kind: 'toggle-site', hostname, enabled: enable });
                if (!result.ok) throw new Error(result.error);
                setRescanning(enable);
              } catch {
                setError(t('popupToggleFailed'));
              } finally {
                setBusy(false);
              }
            }}
            onChoose={async (tabId, active, id) => {
              setError(null);
              const shown = await sendToTab(tabId, { type: 'show-term', id }).catch(() => false);
              if (shown !== true) {
                setError(t('popupShowFailed'));
                return;
              }
              if (!active) await activateTab(tabId).catch(() => undefined);
              window.close();
            }}
          />
        )}
      </main>
    </>
  );
}

function Body(props: {
  target: Exclude<Target, { status: 'loading' }>;
  parsed: Settings;
  busy: boolean;
  rescanning: boolean;
  error: string | null;
  groups: ReturnType<typeof groupTerms>;
  termsLoaded: boolean;
  onTurnOnEverywhere: () => void;
  onToggle: (hostname: string, enable: boolean) => Promise<void>;
  onChoose: (tabId: number, active: boolean, id: string) => Promise<void>;
}) {
  const { target } = props;
  switch (target.status) {
    case 'no-tab':
      return <Notice title={t('popupNoTab')} />;
    case 'restricted':
      return <RestrictedNotice reason={target.reason} />;
    case 'unreachable':
      return target.isWebPage ? (
        <Notice title={t('popupUnreachable')} detail={t('popupUnreachableReload')}>
          <button
            type="button"
            class="button primary"
            onClick={() =>
              void reloadTab(target.tabId).then(
                () => window.close(),
                () => undefined,
              )
            }
          >
            {t('popupReload')}
          </button>
        </Notice>
      ) : (
        <Notice title={t('popupRestricted')} detail={t('popupUnreachableDetail')} />
      );
    case 'ready':
      break;
  }
  const state = siteState(props.parsed, target.hostname);
  if (state === 'global-off') {
    return (
      <Notice title={t('popupGlobalOff')} detail={t('popupGlobalOffDetail')}>
        <button type="button" class="button primary" onClick={props.onTurnOnEverywhere}>
          {t('popupTurnOn')}
        </button>
      </Notice>
    );
  }
  const hostname = target.hostname;
  return (
    <>
      <SiteSwitch
        hostname={hostname}
        state={state}
        busy={props.busy}
        onToggle={(enable) => void props.onToggle(hostname, enable)}
      />
      {props.error ? (
        <p class="popup-error" role="alert">
          {props.error}
        </p>
      ) : null}
      {state !== 'on' ? (
        <p class="popup-status">{t('popupSiteOffDetail')}</p>
      ) : !props.termsLoaded || (props.rescanning && props.groups.length === 0) ? (
        <p class="popup-status">{t('popupLookingForTerms')}</p>
      ) : props.groups.length === 0 ? (
        <Notice title={t('popupNoTerms')} detail={t('popupNoTermsDetail')} />
      ) : (
        <>
          <TermList groups={props.groups} onChoose={(id) => void props.onChoose(target.tabId, target.active, id)} />
          <p class="popup-reading-list">
            <button type="button" class="button" onClick={() => void openReadingList(target.tabId)}>
              {t('popupReadingList')}
            </button>
            {canOpenPanel() ? (
              <button
                type="button"
                class="button"
                data-open-panel
                onClick={() => void openPanel(target.tabId).then((ok) => ok && window.close())}
              >
                {t('popupOpenPanel')}
              </button>
            ) : null}
          </p>
        </>
      )}
    </>
  );
}
