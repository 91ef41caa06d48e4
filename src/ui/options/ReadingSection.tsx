// How terms are opened and which occurrences are marked.
import type { Settings } from '../../core/settings.js';
import { t } from '../../platform/i18n.js';
import { HoverDelay } from './HoverDelay.js';
import { RadioGroup } from './RadioGroup.js';
import { Section } from './Section.js';

type ReadingSettings = Pick<Settings, 'trigger' | 'hoverDelayMs' | 'occurrences'>;

export function ReadingSection({
  settings,
  update,
}: {
  settings: ReadingSettings;
  update: (patch: Partial<ReadingSettings>) => Promise<boolean>;
}) {
  return (
    <Section id="reading" title={t('optionsReadingHeading')}>
      <RadioGroup
        name="trigger"
        legend={t('optionsTriggerLegend')}
        value={settings.trigger}
        onChange={(trigger) => void update({ trigger })}
        options={[
          { value: 'hover', label: t('optionsTriggerHover'), hint: t('optionsTriggerHoverHint') },
          { value: 'click', label: t('optionsTriggerClick'), hint: t('optionsTriggerClickHint') },
        ]}
      >
        <HoverDelay
          value={settings.hoverDelayMs}
          disabled={settings.trigger !== 'hover'}
          onChange={(hoverDelayMs) => void update({ hoverDelayMs })}
        />
        <p class="hint">{t('optionsThisDeviceHint')}</p>
      </RadioGroup>
      <RadioGroup
        name="occurrences"
        legend={t('optionsOccurrencesLegend')}
        value={settings.occurrences}
        onChange={(occurrences) => void update({ occurrences })}
        options={[
          { value: 'all', label: t('optionsOccurrencesAll') },
          { value: 'first', label: t('optionsOccurrencesFirst'), hint: t('optionsOccurrencesFirstHint') },
        ]}
      />
    </Section>
  );
}
