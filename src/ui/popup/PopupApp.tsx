// The toolbar popup: the terms found on the current page.
import { useEffect, useState } from 'preact/hooks';
import type { TermCount } from '../../core/messages.js';
import { browser } from '../../platform/browser.js';
import { t } from '../../platform/i18n.js';
import { requestTabTerms, sendToBackground } from '../../platform/messaging.js';

export function PopupApp() {
  const [terms, setTerms] = useState<TermCount[] | null>(null);
  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const res = tab?.id !== undefined ? await requestTabTerms(tab.id) : null;
      setTerms(res?.terms ?? []);
    })();
  }, []);
  return (
    <main class="popup">
      <h1 class="visually-hidden">{t('extName')}</h1>
      {terms === null ? null : terms.length === 0 ? (
        <p>{t('popupNoTerms')}</p>
      ) : (
        <ul>
          {terms.map((x) => (
            <li key={x.id}>
              {x.id} ({x.count})
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" class="action" onClick={() => void sendToBackground({ type: 'open-options' })}>
          {t('popupOptions')}
        </button>{' '}
        <button type="button" class="action" onClick={() => void sendToBackground({ type: 'open-glossary' })}>
          {t('popupGlossary')}
        </button>
      </p>
    </main>
  );
}
