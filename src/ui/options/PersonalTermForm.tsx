// The form for one of the reader's own terms, with a message next to each field that needs fixing.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { PersonalTerm, PersonalTermErrors } from '../../core/personal-terms.js';
import { t } from '../../platform/i18n.js';

export interface PersonalTermDraft {
  label: string;
  aliases: string[];
  note: string;
  links: string[];
}

/** The sentence for a validation code ("alias-taken:Icann:ICANN" -> a message naming both). */
function personalErrorMessage(code: string): string {
  const [kind, a = '', b = ''] = code.split(':');
  switch (kind) {
    case 'alias-taken':
      return t('optionsMyTermErrorAliasTaken', [a, b]);
    case 'link-invalid':
      return t('optionsMyTermErrorLink', code.slice('link-invalid:'.length));
    default:
      return t(`optionsMyTermError_${(kind ?? '').replace(/-/g, '_')}`);
  }
}

const lines = (s: string): string[] =>
  s
    .split(/[\n,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function PersonalTermForm({
  initial,
  onSave,
  onCancel,
}: {
  initial?: PersonalTerm;
  onSave: (draft: PersonalTermDraft) => Promise<PersonalTermErrors>;
  onCancel: () => void;
}) {
  const [label, setLabel] = useState(initial?.label ?? '');
  const [aliases, setAliases] = useState(initial?.aliases.join('\n') ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [links, setLinks] = useState(initial?.links.join('\n') ?? '');
  const [errors, setErrors] = useState<PersonalTermErrors>({});
  const id = initial?.id ?? 'new';

  const submit = async (e: Event) => {
    e.preventDefault();
    setErrors(
      await onSave({
        label,
        aliases: lines(aliases),
        note,
        links: links
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
      }),
    );
  };

  const field = (
    name: keyof PersonalTermErrors,
    labelText: string,
    hint: string,
    control: (describedBy: string) => JSX.Element,
  ) => {
    const error = errors[name];
    const hintId = `my-${id}-${name}-hint`;
    const errorId = `my-${id}-${name}-error`;
    return (
      <div class="field">
        <label for={`my-${id}-${name}`}>{labelText}</label>
        <span class="hint" id={hintId} style="display:block">
          {hint}
        </span>
        {control(error ? `${hintId} ${errorId}` : hintId)}
        {error ? (
          <span class="field-message error" id={errorId} role="alert" style="display:block">
            {personalErrorMessage(error)}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <form class="my-term-form card" onSubmit={(e) => void submit(e)}>
      {field('label', t('optionsMyTermLabel'), t('optionsMyTermLabelHint'), (d) => (
        <input
          id={`my-${id}-label`}
          value={label}
          onInput={(e) => setLabel(e.currentTarget.value)}
          aria-describedby={d}
          aria-invalid={!!errors.label}
          maxLength={80}
        />
      ))}
      {field('aliases', t('optionsMyTermAliases'), t('optionsMyTermAliasesHint'), (d) => (
        <textarea
          id={`my-${id}-aliases`}
          rows={3}
          value={aliases}
          onInput={(e) => setAliases(e.currentTarget.value)}
          aria-describedby={d}
          aria-invalid={!!errors.aliases}
        />
      ))}
      {field('note', t('optionsMyTermNote'), t('optionsMyTermNoteHint'), (d) => (
        <textarea
          id={`my-${id}-note`}
          rows={3}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
          aria-describedby={d}
          aria-invalid={!!errors.note}
          maxLength={1000}
        />
      ))}
      {field('links', t('optionsMyTermLinks'), t('optionsMyTermLinksHint'), (d) => (
        <textarea
          id={`my-${id}-links`}
          rows={2}
          value={links}
          onInput={(e) => setLinks(e.currentTarget.value)}
          aria-describedby={d}
          aria-invalid={!!errors.links}
        />
      ))}
      <div class="button-row">
        <button type="submit" class="button primary">
          {t('optionsMyTermSave')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('optionsMyTermCancel')}
        </button>
      </div>
    </form>
  );
}
