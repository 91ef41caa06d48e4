// The page's reading list: every work cited by the terms found on one tab, grouped by term, with the
// popover's lookup and copy actions, and exports as BibTeX, RIS (file downloads made here, no network)
// and a formatted APA list on the clipboard.
import { useEffect, useMemo, useState } from 'preact/hooks';
import dictionary from '../../../build/generated/dictionary.json';
import type { DictionaryData } from '../../core/dictionary-data.js';
import { buildReadingList, toApaList, toBibtexFile, toRisFile } from '../../core/reading-list.js';
import { referenceView } from '../../core/reference-view.js';
import { t } from '../../platform/i18n.js';
import { requestTabTerms } from '../../platform/messaging.js';
import { Citation } from '../components/TermCard.js';
import { useCitationActions } from '../glossary/use-citation-actions.js';
import { downloadText } from '../options/download.js';

const data = dictionary as unknown as DictionaryData;

export function ReadingListApp({ search }: { search: string }) {
  const tabId = Number(new URLSearchParams(search).get('tabId'));
  const [termIds, setTermIds] = useState<string[] | null>(null);
  const [status, setStatus] = useState('');
  const actions = useCitationActions();

  useEffect(() => {
    if (!Number.isInteger(tabId) || tabId < 0) {
      setTermIds([]);
      return;
    }
    // Most frequent terms first, as in the popup.
    void requestTabTerms(tabId).then((r) => setTermIds((r?.terms ?? []).map((x) => x.id)));
  }, [tabId]);

  const list = useMemo(() => (termIds ? buildReadingList(termIds, data) : null), [termIds]);
  if (!list) return <main class="page" aria-busy="true" />;

  const stamp = new Date().toISOString().slice(0, 10);
  const copyApa = async () => {
    const ok = await actions.copy(toApaList(list));
    setStatus(ok ? t('readingListCopied', String(list.references.length)) : t('citationCopyFailed'));
  };

  return (
    <main class="page reading-list">
      <h1>{t('readingListTitle')}</h1>
      {list.references.length === 0 ? (
        <p>{t('readingListEmpty')}</p>
      ) : (
        <>
          <p class="hint">{t('readingListIntro', [String(list.references.length), String(list.groups.length)])}</p>
          <div class="button-row no-print">
            <button
              type="button"
              class="button primary"
              onClick={() =>
                downloadText(toBibtexFile(list), `netgov-lens-reading-list-${stamp}.bib`, 'application/x-bibtex')
              }
            >
              {t('readingListBibtex')}
            </button>
            <button
              type="button"
              class="button"
              onClick={() =>
                downloadText(
                  toRisFile(list),
                  `netgov-lens-reading-list-${stamp}.ris`,
                  'application/x-research-info-systems',
                )
              }
            >
              {t('readingListRis')}
            </button>
            <button type="button" class="button" onClick={() => void copyApa()}>
              {t('readingListCopyApa')}
            </button>
          </div>
          <p role="status" class="hint">
            {status}
          </p>
          {list.groups.map((g) => (
            <section class="card" key={g.termId} aria-labelledby={`rl-${g.termId}`}>
              <h2 id={`rl-${g.termId}`}>{g.label}</h2>
              <ul class="citations">
                {g.references.map((r) => (
                  <Citation key={r.key} reference={referenceView(r)} actions={actions} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </main>
  );
}
