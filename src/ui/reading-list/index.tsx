// Reading-list page entry.
import { render } from 'preact';
import { applyDocumentLanguage, t } from '../../platform/i18n.js';
import { ReadingListApp } from './ReadingListApp.js';
import { followTextSize } from '../components/text-size.js';

document.title = t('readingListTitle');
applyDocumentLanguage();
followTextSize();
render(<ReadingListApp search={location.search} />, document.getElementById('app') as HTMLElement);
