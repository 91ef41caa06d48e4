// The global switch, and a plain word about the dictionary's language.
import { t } from '../../platform/i18n.js';
import { Section } from './Section.js';

export function GeneralSection({ enabled, onChange }: { enabled: boolean; onChange: (enabled: boolean) => void }) {
  return (
    <Section id="general" title={t('optionsGeneralHeading')}>
      <div class="switch">
        <input
          type="checkbox"
          id="enabled"
          checked={enabled}
          aria-describedby="enabled-hint"
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        <span>
          <label for="enabled">
            <strong>{t('optionsEnabled')}</strong>
          </label>
          <span class="hint" id="enabled-hint">
            {t('optionsEnabledHint')}
          </span>
        </span>
      </div>
      <p class="language-note">{t('optionsLanguageNote')}</p>
    </Section>
  );
}
