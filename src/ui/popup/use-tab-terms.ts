// The terms the background recorded for a tab, kept current while the popup is open (a site switched back
// on rescans, a page that loads more text reports again).
import { useEffect, useState } from 'preact/hooks';
import type { TermCount } from '../../core/messages.js';
import { requestTabTerms } from '../../platform/messaging.js';
import { onTabResultsChanged } from '../../platform/tabs.js';

/** `null` until the first answer; `tabId` null means there is no tab to ask about. */
export function useTabTerms(tabId: number | null): TermCount[] | null {
  const [terms, setTerms] = useState<TermCount[] | null>(null);
  useEffect(() => {
    if (tabId === null) return undefined;
    let live = true;
    let latest = 0;
    const load = (): void => {
      // Only the newest request may set state: answers can arrive out of order.
      const request = ++latest;
      requestTabTerms(tabId)
        .then((res) => live && request === latest && setTerms(res?.terms ?? []))
        .catch(() => live && request === latest && setTerms([]));
    };
    load();
    const off = onTabResultsChanged(tabId, load);
    return () => {
      live = false;
      off();
    };
  }, [tabId]);
  return terms;
}
