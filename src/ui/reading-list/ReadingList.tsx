// The reading list of a set of terms: every work they cite, grouped by term, with the popover's lookup and
// copy actions, exports as BibTeX, RIS and CSL-JSON (file downloads made here, no network), APA and Chicago
// lists on the clipboard (formatted by the background's CSL engine), and "Save all to Zotero" where the
// reader has switched it on. Shown by the reading-list page and by the page panel.
import { useMemo, useState } from 'preact/hooks';
import dictionary from '../../../build/generated/dictionary.json';
import type { DictionaryData } from '../../core/dictionary-data.js';
import { toCslJsonFile } from '../../core/csl-json.js';
import type { CitationStyle } from '../../core/reference-view.js';
import { buildReadingList, toBibtexFile, toRisFile } from '../../core/reading-list.js';
import { referenceView } from '../../core/reference-view.js';
import { t, tCount } from '../../platform/i18n.js';
import { sendToBackground } from '../../platform/messaging.js';
import { builtStyler } from '../components/built-citations.js';
import { saveToZotero, zoteroMessage } from '../components/save-to-zotero.js';
import { Citation } from '../components/TermCard.js';
import { useCitationActions } from '../glossary/use-citation-actions.js';
import { downloadText } from '../options/download.js';
import { useLocalFeatures } from '../options/use-local-features.js';

const data = dictionary as unknown as DictionaryData;

export function ReadingList({ termIds, groupHeading = 'h2' }: { termIds: string[]; groupHeading?: 'h2' | 'h3' }) {
  const [status, setStatus] = useState('');
  const actions = useCitationActions();
  const zotero = useLocalFeatures()?.zotero === true;
  const list = useMemo(() => buildReadingList(termIds, data), [termIds]);
  const GroupHeading = groupHeading;

  if (list.references.length === 0) return <p>{t('readingListEmpty')}</p>;
  const stamp = new Date().toISOString().slice(0, 10);
  const keys = list.references.map((r) => r.key);
  const copyList = async (style: CitationStyle) => {
    const text = (await sendToBackground({ type: 'format-references', keys, style }).catch(() => null)) ?? '';
    const ok = text !== '' && (await actions.copy(text));
    const count = String(list.references.length);
    setStatus(
      ok ? t(style === 'apa' ? 'readingListCopied' : 'readingListCopiedChicago', count) : t('citationCopyFailed'),
    );
  };
  const saveAll = async () => setStatus(zoteroMessage(await saveToZotero(keys)));
  return (
    <>
      <p class="hint">
        {t('readingListIntro', [
          tCount('readingListWorks', list.references.length),
          tCount('readingListTerms', list.groups.length),
        ])}
      </p>
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
        <button
          type="button"
          class="button"
          onClick={() =>
            downloadText(
              toCslJsonFile(list.references),
              `netgov-lens-reading-list-${stamp}.json`,
              'application/vnd.citationstyles.csl+json',
            )
          }
        >
          {t('readingListCslJson')}
        </button>
        <button type="button" class="button" onClick={() => void copyList('apa')}>
          {t('readingListCopyApa')}
        </button>
        <button type="button" class="button" onClick={() => void copyList('chicago')}>
          {t('readingListCopyChicago')}
        </button>
        {zotero ? (
          <button type="button" class="button" onClick={() => void saveAll()}>
            {t('readingListZotero')}
          </button>
        ) : null}
      </div>
      <p role="status" class="hint">
        {status}
      </p>
      {list.groups.map((g) => (
        <section class="card" key={g.termId} aria-labelledby={`rl-${g.termId}`}>
          <GroupHeading id={`rl-${g.termId}`}>{g.label}</GroupHeading>
          <ul class="citations">
            {g.references.map((r) => (
              <Citation
                key={r.key}
                reference={zotero ? { ...referenceView(r, builtStyler), zotero: true } : referenceView(r, builtStyler)}
                actions={actions}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
