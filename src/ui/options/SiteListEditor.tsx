// One editable list of domains (blocked or allowed): add by typing, remove per entry. A refused entry
// stays in the field with the reason next to it; the list and the other entries are kept.
import { useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n.js';
import { addSites } from './site-entry.js';

/** What the last action said: a refusal (shown as an error) and/or what did happen. */
type Message = { error?: string; info?: string } | null;

export function SiteListEditor({
  id,
  title,
  hint,
  addLabel,
  sites,
  otherSites,
  otherTitle,
  onChange,
}: {
  id: string;
  title: string;
  hint: string;
  addLabel: string;
  sites: string[];
  otherSites: string[];
  otherTitle: string;
  onChange: (sites: string[]) => Promise<boolean>;
}) {
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const input = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (!value.trim()) {
      setMessage({ error: t('optionsSitesEmpty') });
      input.current?.focus();
      return;
    }
    const r = addSites(value, sites, otherSites);
    const parts: string[] = [];
    if (r.added.length > 0) parts.push(t('optionsSitesAdded', r.added.join(', ')));
    for (const k of r.known) {
      parts.push(k.by === k.domain ? t('optionsSitesDuplicate', k.domain) : t('optionsSitesCovered', [k.domain, k.by]));
    }
    for (const c of r.conflicts) parts.push(t('optionsSitesConflict', [c, otherTitle]));
    const saved = r.added.length > 0 ? await onChange(r.next) : true;
    if (!saved) {
      // The save error is shown at the top of the page; keep what was typed so nothing is lost.
      setMessage({ error: t('optionsSitesNotSaved') });
      return;
    }
    setValue(r.rejected.join(', '));
    setMessage({
      error: r.rejected.length > 0 ? t('optionsSitesNotDomain', r.rejected.map((x) => `“${x}”`).join(', ')) : undefined,
      info: parts.join(' ') || undefined,
    });
    input.current?.focus();
  };

  const remove = (domain: string, index: number): void => {
    void onChange(sites.filter((s) => s !== domain));
    setMessage({ info: t('optionsSitesRemoved', domain) });
    // Keep keyboard focus in the list: on the next entry's button, else back in the field.
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button');
      const target = buttons?.[Math.min(index, (buttons?.length ?? 1) - 1)];
      (target ?? input.current)?.focus();
    });
  };

  const invalid = message?.error !== undefined;
  return (
    <div class="site-list" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <form class="site-add" onSubmit={(e) => void submit(e)} noValidate>
        <label for={`${id}-input`}>{addLabel}</label>
        <div class="site-add-row">
          <input
            ref={input}
            type="text"
            id={`${id}-input`}
            inputMode="url"
            autoComplete="off"
            autoCapitalize="off"
            spellcheck={false}
            placeholder={t('optionsSitesPlaceholder')}
            value={value}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={`${id}-hint ${id}-message`}
            onInput={(e) => {
              setValue(e.currentTarget.value);
              if (!invalid) setMessage(null);
            }}
          />
          <button type="submit" class="button">
            {t('optionsSitesAdd')}
          </button>
        </div>
        <p id={`${id}-message`} class="field-message" aria-live="polite">
          {message?.error ? <span class="error">{message.error}</span> : null}
          {message?.error && message.info ? ' ' : null}
          {message?.info ? <span class="ok">{message.info}</span> : null}
        </p>
      </form>
      {sites.length === 0 ? (
        <p class="hint site-empty">{t('optionsSitesNone')}</p>
      ) : (
        <ul class="sites" ref={listRef} aria-label={title}>
          {sites.map((d, i) => (
            <li key={d}>
              <span class="site-domain">{d}</span>
              <button type="button" class="action" onClick={() => remove(d, i)}>
                {t('optionsSitesRemove')}
                <span class="visually-hidden"> {d}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
