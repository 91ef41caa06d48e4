// Shown when stored settings could not be read: names the fields that fell back to their defaults.
import { t } from '../../platform/i18n.js';
import { fieldLabel } from './field-labels.js';

export function InvalidNotice({ fields, onDismiss }: { fields: string[]; onDismiss: () => void }) {
  const names = fields.map(fieldLabel);
  return (
    <div class="notice options-notice" role="alert">
      <p>
        <strong>{t('optionsInvalidTitle')}</strong>
      </p>
      <p>{t('optionsInvalidBody')}</p>
      <ul class="invalid-fields">
        {names.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <p>{t(fields.includes('(all)') ? 'optionsInvalidAllHint' : 'optionsInvalidKeptHint')}</p>
      <button type="button" class="button" onClick={onDismiss}>
        {t('optionsInvalidDismiss')}
      </button>
    </div>
  );
}
