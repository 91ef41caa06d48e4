// Saving to Zotero: off until the reader switches it on here, which asks the browser for the optional host
// permission for Zotero's local server (granted only during this click); switching it off gives it back.
import { useState } from 'preact/hooks';
import type { LocalFeatures } from '../../core/local-features.js';
import { t } from '../../platform/i18n.js';
import { saveLocalFeatures } from '../../platform/local-features-store.js';
import { sendToBackground } from '../../platform/messaging.js';
import { removeOrigin, requestOrigin } from '../../platform/permissions.js';
import { ZOTERO_PERMISSION } from '../../platform/zotero-connector.js';
import { zoteroMessage } from '../components/save-to-zotero.js';
import { Section } from './Section.js';

export function ZoteroSection({ features }: { features: LocalFeatures }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const toggle = async (on: boolean): Promise<void> => {
    setMessage(null);
    if (on) {
      // Asked first, in the click's gesture: the switch turns on only if the browser grants it.
      if (!(await requestOrigin(ZOTERO_PERMISSION))) {
        setMessage({ text: t('optionsZoteroDenied'), error: true });
        return;
      }
      await saveLocalFeatures({ ...features, zotero: true });
    } else {
      await saveLocalFeatures({ ...features, zotero: false });
      await removeOrigin(ZOTERO_PERMISSION);
    }
  };

  const check = async (): Promise<void> => {
    const reply = (await sendToBackground({ type: 'zotero-ping' }).catch(() => null)) ?? {
      ok: false as const,
      reason: 'failed' as const,
    };
    setMessage({ text: reply.ok ? t('optionsZoteroRunning') : zoteroMessage(reply), error: !reply.ok });
  };

  return (
    <Section id="zotero" title={t('optionsZoteroHeading')}>
      <div class="switch">
        <input
          type="checkbox"
          id="zoteroSwitch"
          checked={features.zotero}
          aria-describedby="zotero-hint"
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        <span>
          <label for="zoteroSwitch">
            <strong>{t('optionsZoteroSwitch')}</strong>
          </label>
          <span class="hint" id="zotero-hint">
            {t('optionsZoteroHint')}
          </span>
        </span>
      </div>
      {features.zotero ? (
        <div class="button-row">
          <button type="button" class="button" onClick={() => void check()}>
            {t('optionsZoteroCheck')}
          </button>
        </div>
      ) : null}
      <p role="status" class={message?.error ? 'hint field-error' : 'hint'}>
        {message?.text ?? ''}
      </p>
    </Section>
  );
}
