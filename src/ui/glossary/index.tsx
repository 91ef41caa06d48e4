// Glossary page entry. The dictionary is bundled with the page: the glossary shows all of it at once.
import { render } from 'preact';
import dictionary from '../../../build/generated/dictionary.json';
import type { DictionaryData } from '../../core/dictionary-data.js';
import { applyDocumentLanguage, t } from '../../platform/i18n.js';
import { builtStyler } from '../components/built-citations.js';
import { buildGlossary } from './glossary-data.js';
import { GlossaryApp } from './GlossaryApp.js';
import { followTextSize } from '../components/text-size.js';

document.title = t('glossaryTitle');
const glossary = buildGlossary(dictionary as unknown as DictionaryData, builtStyler);
applyDocumentLanguage();
followTextSize();
render(<GlossaryApp glossary={glossary} />, document.getElementById('app') as HTMLElement);
