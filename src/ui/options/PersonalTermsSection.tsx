// The reader's own terms: add, edit, switch off and delete; matched and shown like dictionary terms.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { normalizePhrase } from '../../core/normalize.js';
import { type PersonalTerm, personalId, PERSONAL_LIMITS, validatePersonalTerm } from '../../core/personal-terms.js';
import { t } from '../../platform/i18n.js';
import { loadPersonalTerms, onPersonalTermsChanged, savePersonalTerms } from '../../platform/personal-terms-store.js';
import { PersonalTermForm, type PersonalTermDraft } from './PersonalTermForm.js';
import { Section } from './Section.js';
import { CATEGORY_GROUPS } from './term-index.js';

export function PersonalTermsSection({
  disabledTerms,
  onDisabledChange,
}: {
  disabledTerms: string[];
  onDisabledChange: (ids: string[]) => void;
}) {
  const [terms, setTerms] = useState<PersonalTerm[] | null>(null);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void loadPersonalTerms().then((r) => setTerms(r.terms));
    return onPersonalTermsChanged(setTerms);
  }, []);

  // Aliases already in use: the dictionary's and the reader's other terms (normalised -> owner label).
  const taken = useMemo(() => {
    const map = new Map<string, string>();
    for (const group of CATEGORY_GROUPS)
      for (const term of group.terms) for (const a of term.aliases) map.set(normalizePhrase(a), term.label);
    return map;
  }, []);

  if (!terms) return null;

  const save = async (draft: PersonalTermDraft, id: string | null) => {
    const others = new Map(taken);
    for (const term of terms)
      if (term.id !== id) for (const a of term.aliases) others.set(normalizePhrase(a), term.label);
    const errors = validatePersonalTerm(draft, others);
    if (Object.keys(errors).length > 0) return errors;
    const clean: PersonalTerm = {
      id: id ?? personalId(draft.label, new Set(terms.map((x) => x.id))),
      label: draft.label.trim(),
      aliases: draft.aliases.map((a) => a.trim()).filter(Boolean),
      note: draft.note.trim(),
      links: draft.links.map((l) => l.trim()).filter(Boolean),
    };
    const next = id ? terms.map((x) => (x.id === id ? clean : x)) : [...terms, clean];
    await savePersonalTerms(next);
    setTerms(next);
    setEditing(null);
    setStatus(t(id ? 'optionsMyTermSaved' : 'optionsMyTermAdded', clean.label));
    return {};
  };

  const remove = async (term: PersonalTerm) => {
    const next = terms.filter((x) => x.id !== term.id);
    await savePersonalTerms(next);
    setTerms(next);
    if (disabledTerms.includes(term.id)) onDisabledChange(disabledTerms.filter((d) => d !== term.id));
    setStatus(t('optionsMyTermDeleted', term.label));
  };

  return (
    <Section id="my-terms" title={t('optionsMyTermsHeading')}>
      <p class="hint">{t('optionsMyTermsIntro')}</p>
      <p class="hint">{t('optionsMyTermsStorage')}</p>
      {terms.length === 0 ? <p>{t('optionsMyTermsNone')}</p> : null}
      <ul class="my-terms">
        {terms.map((term) =>
          editing === term.id ? (
            <li key={term.id}>
              <PersonalTermForm initial={term} onSave={(d) => save(d, term.id)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={term.id} class="my-term">
              <label class="switch">
                <input
                  type="checkbox"
                  checked={!disabledTerms.includes(term.id)}
                  onChange={(e) =>
                    onDisabledChange(
                      e.currentTarget.checked
                        ? disabledTerms.filter((d) => d !== term.id)
                        : [...disabledTerms, term.id],
                    )
                  }
                />
                <span>
                  <strong>{term.label}</strong>
                  <span class="hint" style="display:block">
                    {term.aliases.join(', ')}
                  </span>
                </span>
              </label>
              <span class="button-row">
                <button
                  type="button"
                  class="button"
                  onClick={() => setEditing(term.id)}
                  aria-label={t('optionsMyTermEditNamed', term.label)}
                >
                  {t('optionsMyTermEdit')}
                </button>
                <button
                  type="button"
                  class="button"
                  onClick={() => void remove(term)}
                  aria-label={t('optionsMyTermDeleteNamed', term.label)}
                >
                  {t('optionsMyTermDelete')}
                </button>
              </span>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <PersonalTermForm onSave={(d) => save(d, null)} onCancel={() => setEditing(null)} />
      ) : terms.length < PERSONAL_LIMITS.terms ? (
        <button type="button" class="button" onClick={() => setEditing('new')}>
          {t('optionsMyTermAdd')}
        </button>
      ) : null}
      <p role="status" class="hint">
        {status}
      </p>
    </Section>
  );
}
