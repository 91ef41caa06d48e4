// Toolbar popup entry.
import { render } from 'preact';
import { applyDocumentLanguage, t } from '../../platform/i18n.js';
import { PopupApp } from './PopupApp.js';
import { followTextSize } from '../components/text-size.js';

document.title = t('extName');
applyDocumentLanguage();
followTextSize();
render(<PopupApp search={location.search} />, document.getElementById('app') as HTMLElement);
