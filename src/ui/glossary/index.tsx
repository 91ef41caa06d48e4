// Glossary page entry.
import { render } from 'preact';
import { t } from '../../platform/i18n.js';
import { GlossaryApp } from './GlossaryApp.js';

document.title = t('glossaryTitle');
render(<GlossaryApp />, document.getElementById('app') as HTMLElement);
