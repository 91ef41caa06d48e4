// Options page entry.
import { render } from 'preact';
import { applyDocumentLanguage, t } from '../../platform/i18n.js';
import { OptionsApp } from './OptionsApp.js';
import { followTextSize } from '../components/text-size.js';

document.title = t('optionsTitle');
applyDocumentLanguage();
followTextSize();
render(<OptionsApp />, document.getElementById('app') as HTMLElement);
