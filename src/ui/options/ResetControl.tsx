// Reset to defaults, behind a confirmation step. Focus goes to "Cancel" (the safe choice) when asked,
// and back to the first button when the question closes.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n.js';

export function ResetControl({ onReset }: { onReset: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (wasAsking.current) start.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" class="button" ref={start} onClick={() => setAsking(true)}>
        {t('optionsResetButton')}
      </button>
    );
  }
  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby="reset-question"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <p id="reset-question">
        <strong>{t('optionsResetQuestion')}</strong>
      </p>
      <p class="hint">{t('optionsResetDetail')}</p>
      <div class="button-row">
        <button
          type="button"
          class="button danger"
          onClick={() => {
            void onReset().then(() => setAsking(false));
          }}
        >
          {t('optionsResetConfirm')}
        </button>
        <button type="button" class="button" ref={cancel} onClick={() => setAsking(false)}>
          {t('optionsResetCancel')}
        </button>
      </div>
    </div>
  );
}
