// The research log: off by default, kept in this browser only; the sites it never records; a link to the
// log itself. Switching it off only stops recording: deleting is done in the log, and asks first.
import type { LocalFeatures } from '../../core/local-features.js';
import { t } from '../../platform/i18n.js';
import { saveLocalFeatures } from '../../platform/local-features-store.js';
import { openExtensionPage } from '../../platform/tabs.js';
import { Section } from './Section.js';
import { SiteListEditor } from './SiteListEditor.js';

export function ResearchLogSection({ features }: { features: LocalFeatures }) {
  return (
    <Section id="research-log" title={t('optionsResearchLogHeading')}>
      <div class="switch">
        <input
          type="checkbox"
          id="researchLog"
          checked={features.researchLog}
          aria-describedby="researchLog-hint"
          onChange={(e) => void saveLocalFeatures({ ...features, researchLog: e.currentTarget.checked })}
        />
        <span>
          <label for="researchLog">
            <strong>{t('optionsResearchLogSwitch')}</strong>
          </label>
          <span class="hint" id="researchLog-hint">
            {t('optionsResearchLogHint')} {t('optionsResearchLogOffNote')}
          </span>
        </span>
      </div>
      <div class="button-row">
        <button type="button" class="button" onClick={() => void openExtensionPage('research-log.html')}>
          {t('optionsResearchLogOpen')}
        </button>
      </div>
      <SiteListEditor
        id="researchLogExcluded"
        title={t('optionsResearchLogExcludedTitle')}
        hint={t('optionsResearchLogExcludedHint')}
        addLabel={t('optionsResearchLogExcludedAdd')}
        sites={features.researchLogExcluded}
        otherSites={[]}
        otherTitle=""
        onChange={async (researchLogExcluded) => {
          await saveLocalFeatures({ ...features, researchLogExcluded });
          return true;
        }}
      />
    </Section>
  );
}
