// Where terms are shown: every site or only listed ones, with a block list and an allow list.
import type { Settings } from '../../core/settings.js';
import { t } from '../../platform/i18n.js';
import { RadioGroup } from './RadioGroup.js';
import { Section } from './Section.js';
import { SiteListEditor } from './SiteListEditor.js';

type SiteSettings = Pick<Settings, 'siteMode' | 'deniedSites' | 'allowedSites'>;

export function SitesSection({
  settings,
  update,
}: {
  settings: SiteSettings;
  update: (patch: Partial<SiteSettings>) => Promise<boolean>;
}) {
  const deniedTitle = t('optionsSitesDeniedTitle');
  const allowedTitle = t('optionsSitesAllowedTitle');
  const listed = settings.siteMode === 'listed';
  return (
    <Section id="sites" title={t('optionsSitesHeading')}>
      <RadioGroup
        name="siteMode"
        legend={t('optionsSiteModeLegend')}
        value={settings.siteMode}
        onChange={(siteMode) => void update({ siteMode })}
        options={[
          { value: 'all', label: t('optionsSiteModeAll'), hint: t('optionsSiteModeAllHint') },
          { value: 'listed', label: t('optionsSiteModeListed'), hint: t('optionsSiteModeListedHint') },
        ]}
      />
      {listed && settings.allowedSites.length === 0 ? (
        <p class="notice inline-notice">{t('optionsSitesListedEmpty')}</p>
      ) : null}
      <div class="site-lists">
        <SiteListEditor
          id="denied"
          title={deniedTitle}
          hint={t('optionsSitesDeniedHint')}
          addLabel={t('optionsSitesDeniedAdd')}
          sites={settings.deniedSites}
          otherSites={settings.allowedSites}
          otherTitle={allowedTitle}
          onChange={(deniedSites) => update({ deniedSites })}
        />
        <SiteListEditor
          id="allowed"
          title={allowedTitle}
          hint={listed ? t('optionsSitesAllowedHint') : t('optionsSitesAllowedUnused')}
          addLabel={t('optionsSitesAllowedAdd')}
          sites={settings.allowedSites}
          otherSites={settings.deniedSites}
          otherTitle={deniedTitle}
          onChange={(allowedSites) => update({ allowedSites })}
        />
      </div>
      <p class="hint">{t('optionsSitesShortcut')}</p>
    </Section>
  );
}
