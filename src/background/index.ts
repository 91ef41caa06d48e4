// Background: validates every message, keeps per-tab results and the badge, serves dictionary entries,
// opens lookups in new tabs, and handles commands, the context menu and settings migrations.
import compiled from '../../build/generated/matcher.json';
import matcherBuild from '../../build/generated/matcher-version.json';
import { isOpenableUrl } from '../core/lookup.js';
import { parseToBackground, type ToBackground } from '../core/messages.js';
import { PERSONAL_ID_PREFIX } from '../core/personal-terms.js';
import { parseSiteEntry } from '../core/sites.js';
import { browser, type Runtime } from '../platform/browser.js';
import { sendToTab } from '../platform/tabs.js';
import { storeCompiledMatcher } from '../platform/matcher-store.js';
import { loadSettings, saveSettings } from '../platform/settings-store.js';
import { createContextMenus, listenToContextMenus } from './context-menu.js';
import { entryFor } from './entries.js';
import { personalEntryFor } from './personal-entry.js';
import { clearTab, getTabResults, setFrameResults } from './tab-results.js';

let matcherJson: string | undefined;
/** This build's compiled dictionary as the JSON text content scripts parse (made once per worker). */
function compiledJson(): string {
  return (matcherJson ??= JSON.stringify(compiled));
}

/** Puts this build's compiled dictionary where content scripts read it; a failure is left to their fallback. */
async function storeThisBuildsMatcher(): Promise<void> {
  await storeCompiledMatcher(matcherBuild.version, compiledJson()).catch(() => undefined);
}

function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

async function handle(msg: ToBackground, sender: Runtime.MessageSender): Promise<unknown> {
  switch (msg.type) {
    case 'page-terms':
      if (sender.tab?.id === undefined) return null;
      await setFrameResults(sender.tab.id, sender.frameId ?? 0, msg.terms);
      return true;
    case 'get-entry':
      return msg.id.startsWith(PERSONAL_ID_PREFIX) ? personalEntryFor(msg.id) : entryFor(msg.id);
    case 'get-matcher': {
      // A content script found no copy of this build's matcher in storage (first run, or storage cleared).
      void storeThisBuildsMatcher();
      return compiledJson();
    }
    case 'open-url': {
      if (!isOpenableUrl(msg.url)) return false;
      const tab = sender.tab;
      await browser.tabs.create({
        url: msg.url,
        active: true,
        ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
        ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
      });
      return true;
    }
    case 'open-glossary': {
      const url = browser.runtime.getURL(`glossary.html${msg.id ? `#term-${msg.id}` : ''}`);
      const tab = sender.tab;
      await browser.tabs.create({ url, ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}) });
      return true;
    }
    case 'open-options':
      await browser.runtime.openOptionsPage();
      return true;
    case 'get-tab-terms':
      return { terms: await getTabResults(msg.tabId) };
    case 'set-site-enabled': {
      const parsed = parseSiteEntry(msg.hostname);
      if ('error' in parsed) return false;
      const { settings } = await loadSettings();
      const d = parsed.domain;
      if (msg.enabled) {
        settings.deniedSites = settings.deniedSites.filter((s) => s !== d);
        if (settings.siteMode === 'listed' && !settings.allowedSites.includes(d))
          settings.allowedSites = [...settings.allowedSites, d];
      } else {
        settings.allowedSites = settings.allowedSites.filter((s) => s !== d);
        if (!settings.deniedSites.includes(d)) settings.deniedSites = [...settings.deniedSites, d];
      }
      await saveSettings(settings);
      return true;
    }
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isOwnSender(sender)) return undefined;
  const msg = parseToBackground(message);
  if (!msg) return Promise.resolve({ error: 'invalid message' });
  return handle(msg, sender).catch((e: unknown) => {
    console.warn('[Netgov Lens] message failed:', e);
    return null;
  });
});

browser.tabs.onRemoved.addListener((tabId) => void clearTab(tabId).catch(() => undefined));
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document in the tab: its frames report afresh.
  if (change.status === 'loading' && change.url) void clearTab(tabId).catch(() => undefined);
});

browser.commands.onCommand.addListener(async (command) => {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  if (command === 'next-term' || command === 'previous-term') {
    await sendToTab(tab.id, { type: 'navigate', direction: command === 'next-term' ? 'next' : 'previous' }).catch(
      () => undefined,
    );
  } else if (command === 'toggle-site' && tab.url) {
    const host = new URL(tab.url).hostname;
    const { settings } = await loadSettings();
    const denied = settings.deniedSites.some((d) => host === d || host.endsWith(`.${d}`));
    await handle({ type: 'set-site-enabled', hostname: host, enabled: denied }, { id: browser.runtime.id });
  }
});

browser.runtime.onInstalled.addListener(async () => {
  createContextMenus();
  // Installed or updated: content scripts read this build's compiled dictionary from storage.
  await storeThisBuildsMatcher();
  // Migrate stored settings to the current schema; invalid fields fall back to defaults.
  const { settings, invalid } = await loadSettings();
  if (invalid.length === 0) await saveSettings(settings);
});

listenToContextMenus();
