// Toolbar popup entry.
import { render } from 'preact';
import { applyDocumentLanguage, t } from '../../platform/i18n.js';
import { PopupApp } from './PopupApp.js';

document.title = t('extName');
applyDocumentLanguage();
render(<PopupApp search={location.search} />, document.getElementById('app') as HTMLElement);
