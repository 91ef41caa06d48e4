// Options page entry.
import { render } from 'preact';
import { t } from '../../platform/i18n.js';
import { OptionsApp } from './OptionsApp.js';

document.title = t('optionsTitle');
render(<OptionsApp />, document.getElementById('app') as HTMLElement);
