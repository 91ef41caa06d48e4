// Which tab the popup describes and whether Netgov Lens can work there: the tab's URL says so when the
// browser lets us read it (activeTab, granted by the toolbar click); a ping to the content script settles
// the rest and names the site when the URL is hidden.
import { useEffect, useState } from 'preact/hooks';
import { sendToTab } from '../../platform/tabs.js';
import { getTab } from '../../platform/tabs.js';
import { pageKind, parsePingReply, type PingReply, requestedTabId } from './page-kind.js';

export type Target =
  | { status: 'loading' }
  | { status: 'no-tab' }
  | { status: 'restricted'; reason: 'browser' | 'store' | 'file'; hostname?: string }
  /** No content script answered: the page was open before the extension was installed, or is not a web page. */
  | { status: 'unreachable'; tabId: number; isWebPage: boolean; hostname?: string }
  | { status: 'ready'; tabId: number; active: boolean; hostname: string };

const PING_TIMEOUT_MS = 1500;

async function ping(tabId: number): Promise<PingReply | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), PING_TIMEOUT_MS);
  });
  try {
    const reply = await Promise.race([sendToTab(tabId, { type: 'ping' }).catch(() => null), timeout]);
    return parsePingReply(reply);
  } finally {
    clearTimeout(timer);
  }
}

export async function resolveTarget(tabId: number | undefined): Promise<Target> {
  const tab = await getTab(tabId);
  if (!tab) return { status: 'no-tab' };
  const kind = pageKind(tab.url);
  if (kind.kind === 'restricted')
    return kind.hostname
      ? { status: 'restricted', reason: kind.reason, hostname: kind.hostname }
      : { status: 'restricted', reason: kind.reason };
  const reply = await ping(tab.id);
  const hostname = kind.kind === 'web' ? kind.hostname : reply?.hostname;
  if (!reply) {
    return { status: 'unreachable', tabId: tab.id, isWebPage: kind.kind === 'web', ...(hostname ? { hostname } : {}) };
  }
  // A content script without a hostname runs in about:blank or similar: nothing a reader would annotate.
  if (!hostname) return { status: 'restricted', reason: 'browser' };
  return { status: 'ready', tabId: tab.id, active: tab.active, hostname };
}

export function useTargetTab(search: string): Target {
  const [target, setTarget] = useState<Target>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    resolveTarget(requestedTabId(search))
      .then((t) => live && setTarget(t))
      .catch(() => live && setTarget({ status: 'no-tab' }));
    return () => {
      live = false;
    };
  }, [search]);
  return target;
}
