// Toolbar popup entry.
import { render } from 'preact';
import { t } from '../../platform/i18n.js';
import { PopupApp } from './PopupApp.js';

document.title = t('extName');
render(<PopupApp search={location.search} />, document.getElementById('app') as HTMLElement);
