// Which tab the page panel describes: the active tab of its window, followed as the reader switches tabs or
// a tab loads a new page; `?tabId=<n>` pins one tab instead (the end-to-end tests open the panel as a tab).
import { useEffect, useState } from 'preact/hooks';
import { onTabSwitchedOrLoaded } from '../../platform/tabs.js';
import { requestedTabId } from '../popup/page-kind.js';
import { resolveTarget, type Target } from '../popup/use-target-tab.js';

export function usePanelTab(search: string): Target {
  const [target, setTarget] = useState<Target>({ status: 'loading' });
  useEffect(() => {
    const pinned = requestedTabId(search);
    let live = true;
    let latest = 0;
    const resolve = (): void => {
      // Only the newest answer counts: quick tab switches can answer out of order.
      const request = ++latest;
      resolveTarget(pinned)
        .then((t) => live && request === latest && setTarget(t))
        .catch(() => live && request === latest && setTarget({ status: 'no-tab' }));
    };
    resolve();
    const off = onTabSwitchedOrLoaded((tabId) => {
      if (pinned === undefined || tabId === pinned) resolve();
    });
    return () => {
      live = false;
      off();
    };
  }, [search]);
  return target;
}
