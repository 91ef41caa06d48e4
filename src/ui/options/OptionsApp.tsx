// The options page: the reader's controls.
import { t } from '../../platform/i18n.js';
import { useSettings } from './use-settings.js';

export function OptionsApp() {
  const { parsed, update } = useSettings();
  if (!parsed) return <main class="page" aria-busy="true" />;
  const s = parsed.settings;
  return (
    <main class="page">
      <h1>{t('optionsTitle')}</h1>
      <section class="card">
        <label class="switch">
          <input
            type="checkbox"
            id="enabled"
            checked={s.enabled}
            onChange={(e) => void update({ enabled: e.currentTarget.checked })}
          />
          <span>
            <strong>{t('optionsEnabled')}</strong>
            <span class="hint" style="display:block">
              {t('optionsEnabledHint')}
            </span>
          </span>
        </label>
      </section>
    </main>
  );
}
