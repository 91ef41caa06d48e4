// Opening the page panel: Chrome's side panel (chrome.sidePanel, which needs the "sidePanel" permission) or
// Firefox's sidebar (sidebarAction, no permission). Both must be called straight from the reader's click,
// so nothing is awaited before the call.
import { browser } from './browser.js';

interface ChromeSidePanel {
  open(options: { tabId: number }): Promise<void>;
}

function chromeSidePanel(): ChromeSidePanel | undefined {
  const g = globalThis as unknown as { chrome?: { sidePanel?: ChromeSidePanel } };
  return g.chrome?.sidePanel;
}

/** Whether this browser can show the panel beside a page. */
export function canOpenPanel(): boolean {
  return !!chromeSidePanel() || typeof browser.sidebarAction?.open === 'function';
}

/** Opens the panel beside `tabId`'s page; resolves to false if the browser refused. */
export async function openPanel(tabId: number): Promise<boolean> {
  try {
    const chromePanel = chromeSidePanel();
    if (chromePanel) await chromePanel.open({ tabId });
    else await browser.sidebarAction.open();
    return true;
  } catch {
    return false;
  }
}
