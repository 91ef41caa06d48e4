// Where a paper is looked up and how a citation is copied.
import { PROVIDER_NAMES } from '../../core/lookup.js';
import { LOOKUP_PROVIDERS, type Settings } from '../../core/settings.js';
import { t } from '../../platform/i18n.js';
import { RadioGroup } from './RadioGroup.js';
import { Section } from './Section.js';

type PaperSettings = Pick<Settings, 'lookupProvider' | 'citationFormat'>;

export function PapersSection({
  settings,
  update,
}: {
  settings: PaperSettings;
  update: (patch: Partial<PaperSettings>) => Promise<boolean>;
}) {
  return (
    <Section id="papers" title={t('optionsPapersHeading')}>
      <div class="field">
        <label for="lookupProvider">{t('optionsProviderLabel')}</label>
        <select
          id="lookupProvider"
          value={settings.lookupProvider}
          aria-describedby="lookupProvider-hint"
          onChange={(e) => {
            const v = e.currentTarget.value;
            const provider = LOOKUP_PROVIDERS.find((p) => p === v);
            if (provider) void update({ lookupProvider: provider });
          }}
        >
          {LOOKUP_PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {PROVIDER_NAMES[p]}
            </option>
          ))}
        </select>
        <p class="hint" id="lookupProvider-hint">
          {t('optionsProviderHint')}
        </p>
      </div>
      <RadioGroup
        name="citationFormat"
        legend={t('optionsCitationLegend')}
        value={settings.citationFormat}
        onChange={(citationFormat) => void update({ citationFormat })}
        options={[
          { value: 'bibtex', label: t('optionsCitationBibtex'), hint: t('optionsCitationBibtexHint') },
          { value: 'apa', label: t('optionsCitationApa'), hint: t('optionsCitationApaHint') },
          { value: 'chicago', label: t('optionsCitationChicago'), hint: t('optionsCitationChicagoHint') },
        ]}
      />
    </Section>
  );
}
