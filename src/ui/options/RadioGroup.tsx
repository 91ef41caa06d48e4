// A fieldset of radio buttons for one setting. Hints sit outside the labels (linked with
// aria-describedby) so that each radio's accessible name is its short label alone.
import type { ComponentChildren } from 'preact';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

export function RadioGroup<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  children,
}: {
  name: string;
  legend: string;
  options: readonly RadioOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Extra content below the choices (e.g. a preview). */
  children?: ComponentChildren;
}) {
  return (
    <fieldset class="radio-group">
      <legend>{legend}</legend>
      <div class="radio-options">
        {options.map((o) => {
          const id = `${name}-${o.value}`;
          return (
            <div class="radio-option" key={o.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={o.value}
                checked={value === o.value}
                aria-describedby={o.hint ? `${id}-hint` : undefined}
                onChange={() => onChange(o.value)}
              />
              <label for={id}>{o.label}</label>
              {o.hint ? (
                <span class="hint" id={`${id}-hint`}>
                  {o.hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}
