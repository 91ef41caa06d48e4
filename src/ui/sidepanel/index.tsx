// Page panel entry: Chrome's side panel and Firefox's sidebar load the same page.
import { render } from 'preact';
import { applyDocumentLanguage, t } from '../../platform/i18n.js';
import { PanelApp } from './PanelApp.js';
import { followTextSize } from '../components/text-size.js';

document.title = t('extName');
applyDocumentLanguage();
followTextSize();
render(<PanelApp search={location.search} />, document.getElementById('app') as HTMLElement);
