// The page's reading list in a tab of its own: every work cited by the terms found on one tab (the list
// itself: ReadingList.tsx).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../platform/i18n.js';
import { requestTabTerms } from '../../platform/messaging.js';
import { ReadingList } from './ReadingList.js';

export function ReadingListApp({ search }: { search: string }) {
  const tabId = Number(new URLSearchParams(search).get('tabId'));
  const [termIds, setTermIds] = useState<string[] | null>(null);

  useEffect(() => {
    if (!Number.isInteger(tabId) || tabId < 0) {
      setTermIds([]);
      return;
    }
    // Most frequent terms first, as in the popup.
    void requestTabTerms(tabId).then((r) => setTermIds((r?.terms ?? []).map((x) => x.id)));
  }, [tabId]);

  if (!termIds) return <main class="page" aria-busy="true" />;
  return (
    <main class="page reading-list">
      <h1>{t('readingListTitle')}</h1>
      <ReadingList termIds={termIds} />
    </main>
  );
}
