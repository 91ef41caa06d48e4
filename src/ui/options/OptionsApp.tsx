// The options page: every setting, saved as soon as it changes (open tabs follow through storage events).
import { useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n.js';
import { AppearanceSection } from './AppearanceSection.js';
import { BackupSection } from './BackupSection.js';
import { GeneralSection } from './GeneralSection.js';
import { InvalidNotice } from './InvalidNotice.js';
import { PapersSection } from './PapersSection.js';
import { ReadingSection } from './ReadingSection.js';
import { SitesSection } from './SitesSection.js';
import { TermsSection } from './TermsSection.js';
import { PersonalTermsSection } from './PersonalTermsSection.js';
import { ResearchLogSection } from './ResearchLogSection.js';
import { useLocalFeatures } from './use-local-features.js';
import { ZoteroSection } from './ZoteroSection.js';
import { useSettings } from './use-settings.js';

const SECTIONS: [id: string, key: string][] = [
  ['general', 'optionsGeneralHeading'],
  ['sites', 'optionsSitesHeading'],
  ['reading', 'optionsReadingHeading'],
  ['appearance', 'optionsAppearanceHeading'],
  ['papers', 'optionsPapersHeading'],
  ['zotero', 'optionsZoteroHeading'],
  ['research-log', 'optionsResearchLogHeading'],
  ['terms', 'optionsTermsHeading'],
  ['backup', 'optionsBackupHeading'],
];

export function OptionsApp() {
  const { parsed, update, replace, saveError } = useSettings();
  const features = useLocalFeatures();
  const [noticeDismissed, setNoticeDismissed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  if (!parsed || !features) return <main class="page options-page" aria-busy="true" />;
  const s = parsed.settings;
  return (
    <main class="page options-page">
      <header class="options-header">
        <h1 ref={heading} tabIndex={-1}>
          {t('optionsTitle')}
        </h1>
        <p class="hint">{t('optionsIntro')}</p>
        <nav aria-label={t('optionsNavLabel')}>
          <ul class="toc">
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {saveError ? (
        <div class="notice notice-error" role="alert">
          {t('optionsSaveFailed', saveError)}
        </div>
      ) : null}
      {parsed.invalid.length > 0 && !noticeDismissed ? (
        <InvalidNotice
          fields={parsed.invalid}
          onDismiss={() => {
            setNoticeDismissed(true);
            heading.current?.focus();
          }}
        />
      ) : null}
      <GeneralSection enabled={s.enabled} onChange={(enabled) => void update({ enabled })} />
      <SitesSection settings={s} update={update} />
      <ReadingSection settings={s} update={update} />
      <AppearanceSection
        style={s.highlightStyle}
        onChange={(highlightStyle) => void update({ highlightStyle })}
        textSize={s.textSize}
        onTextSize={(textSize) => void update({ textSize })}
      />
      <PapersSection settings={s} update={update} />
      <ZoteroSection features={features} />
      <ResearchLogSection features={features} />
      <TermsSection disabledTerms={s.disabledTerms} onChange={(disabledTerms) => void update({ disabledTerms })} />
      <PersonalTermsSection
        disabledTerms={s.disabledTerms}
        onDisabledChange={(disabledTerms) => void update({ disabledTerms })}
      />
      <BackupSection settings={s} replace={replace} />
    </main>
  );
}
