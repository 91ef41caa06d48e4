// Options page entry.
import { render } from 'preact';
import { applyDocumentLanguage, t } from '../../platform/i18n.js';
import { OptionsApp } from './OptionsApp.js';

document.title = t('optionsTitle');
applyDocumentLanguage();
render(<OptionsApp />, document.getElementById('app') as HTMLElement);
