// Research-log page entry.
import { render } from 'preact';
import { applyDocumentLanguage, t } from '../../platform/i18n.js';
import { ResearchLogApp } from './ResearchLogApp.js';
import { followTextSize } from '../components/text-size.js';

document.title = t('researchLogTitle');
applyDocumentLanguage();
followTextSize();
render(<ResearchLogApp />, document.getElementById('app') as HTMLElement);
