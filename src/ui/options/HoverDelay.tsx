// The hover delay slider. It shows the value while dragging and saves when the reader lets go (or on
// each arrow key), so a drag does not spend the storage.sync write quota.
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n.js';

const MAX = 2000;
const STEP = 50;

export function HoverDelay({
  value,
  disabled,
  onChange,
}: {
  value: number;
  disabled: boolean;
  onChange: (ms: number) => void;
}) {
  // The value while dragging, else null (then the saved value shows). Not synced with an effect: a late
  // effect would set the slider back between its input and change events.
  const [dragging, setDragging] = useState<number | null>(null);
  const shown = dragging ?? value;
  return (
    <div class={`delay ${disabled ? 'is-disabled' : ''}`}>
      <label for="hoverDelay">{t('optionsDelayLabel')}</label>
      <div class="delay-row">
        <input
          type="range"
          id="hoverDelay"
          min={0}
          max={MAX}
          step={STEP}
          value={shown}
          disabled={disabled}
          aria-valuetext={t('optionsDelayValue', String(shown))}
          aria-describedby="hoverDelay-hint"
          onInput={(e) => setDragging(Number(e.currentTarget.value))}
          onChange={(e) => {
            onChange(Number(e.currentTarget.value));
            setDragging(null);
          }}
        />
        {/* Visual only: the slider announces the same value through aria-valuetext. */}
        <span class="delay-value" aria-hidden="true">
          {t('optionsDelayValue', String(shown))}
        </span>
      </div>
      <p class="hint" id="hoverDelay-hint">
        {disabled ? t('optionsDelayClickHint') : t('optionsDelayHint')}
      </p>
    </div>
  );
}
