// The glossary: every term with its definition, positions and citations.
import { t } from '../../platform/i18n.js';

export function GlossaryApp() {
  return (
    <main class="page">
      <h1>{t('glossaryTitle')}</h1>
    </main>
  );
}
