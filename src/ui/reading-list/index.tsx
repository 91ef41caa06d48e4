// Reading-list page entry.
import { render } from 'preact';
import { applyDocumentLanguage, t } from '../../platform/i18n.js';
import { ReadingListApp } from './ReadingListApp.js';

document.title = t('readingListTitle');
applyDocumentLanguage();
render(<ReadingListApp search={location.search} />, document.getElementById('app') as HTMLElement);
