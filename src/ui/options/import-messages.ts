// Turns a refused import into a sentence that says what is wrong with the file.
import type { ImportError } from '../../core/settings-io.js';
import { t } from '../../platform/i18n.js';
import { fieldLabel } from './field-labels.js';

const EXPECTED: Record<string, string> = {
  enabled: 'optionsExpectBoolean',
  disabledTerms: 'optionsExpectTermIds',
  siteMode: 'optionsExpectSiteMode',
  deniedSites: 'optionsExpectDomains',
  allowedSites: 'optionsExpectDomains',
  trigger: 'optionsExpectTrigger',
  hoverDelayMs: 'optionsExpectDelay',
  occurrences: 'optionsExpectOccurrences',
  highlightStyle: 'optionsExpectStyle',
  lookupProvider: 'optionsExpectProvider',
  citationFormat: 'optionsExpectCitation',
};

export function importErrorMessage(error: ImportError): string {
  switch (error.code) {
    case 'empty':
      return t('optionsImportEmpty');
    case 'too-large':
      return t('optionsImportTooLarge');
    case 'not-json':
      return t('optionsImportNotJson', error.detail);
    case 'not-object':
      return t('optionsImportNotObject');
    case 'wrong-format':
      return error.found ? t('optionsImportWrongFormat', error.found) : t('optionsImportNoFormat');
    case 'newer-version':
      return t('optionsImportNewer', String(error.version));
    case 'no-settings':
      return t('optionsImportNoSettings');
    case 'bad-value': {
      const expected = EXPECTED[error.field];
      return t('optionsImportBadValue', [fieldLabel(error.field), error.value, expected ? t(expected) : '']);
    }
    case 'bad-personal-terms':
      return t('optionsImportBadPersonalTerms', String(error.count));
  }
}
