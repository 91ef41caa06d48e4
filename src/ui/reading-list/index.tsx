// Reading-list page entry.
import { render } from 'preact';
import { t } from '../../platform/i18n.js';
import { ReadingListApp } from './ReadingListApp.js';

document.title = t('readingListTitle');
render(<ReadingListApp search={location.search} />, document.getElementById('app') as HTMLElement);
