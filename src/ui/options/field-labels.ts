// Reader-facing names of the settings, for notices and import errors (never the storage keys).
import type { Settings } from '../../core/settings.js';
import { t } from '../../platform/i18n.js';

const KEYS: Record<keyof Settings, string> = {
  enabled: 'optionsFieldEnabled',
  disabledTerms: 'optionsFieldDisabledTerms',
  siteMode: 'optionsFieldSiteMode',
  deniedSites: 'optionsFieldDeniedSites',
  allowedSites: 'optionsFieldAllowedSites',
  trigger: 'optionsFieldTrigger',
  hoverDelayMs: 'optionsFieldHoverDelay',
  occurrences: 'optionsFieldOccurrences',
  highlightStyle: 'optionsFieldHighlightStyle',
  lookupProvider: 'optionsFieldLookupProvider',
  citationFormat: 'optionsFieldCitationFormat',
  textSize: 'optionsFieldTextSize',
};

/** "Trigger" for "trigger"; "(all)" (the whole stored object) becomes "all settings", "(device)" this device's. */
export function fieldLabel(field: string): string {
  if (field === '(all)') return t('optionsFieldAll');
  if (field === '(device)') return t('optionsFieldDevice');
  const key = (KEYS as Record<string, string | undefined>)[field];
  return key ? t(key) : field;
}
