// Background: validates every message, keeps per-tab results and the badge, serves dictionary entries,
// opens lookups in new tabs, applies every settings change, and handles commands, the context menu and
// settings migrations.
import compiled from '../../build/generated/matcher.json';
import dictionary from '../../build/generated/dictionary.json';
import type { CompiledMatcher } from '../core/compiled-matcher.js';
import type { DictionaryData } from '../core/dictionary-data.js';
import { isOpenableUrl } from '../core/lookup.js';
import { type BackgroundReplies, parseToBackground, type ToBackground } from '../core/messages.js';
import { PERSONAL_ID_PREFIX } from '../core/personal-terms.js';
import { forgetStoredMatcher } from '../platform/matcher-store.js';
import {
  extensionUrl,
  onCommand,
  onInstalledOrUpdated,
  onOwnMessage,
  openOptionsPage,
  type Sender,
} from '../platform/runtime.js';
import { loadSettings, saveSettings } from '../platform/settings-store.js';
import { activeTab, onTabClosed, onTabNavigated, openTabBeside, sendToTab } from '../platform/tabs.js';
import { createContextMenus, listenToContextMenus } from './context-menu.js';
import { entryFor } from './entries.js';
import { styleList } from './citation-engine.js';
import { deleteFromLog, exportLog, logArticleFacts, logVisit } from './research-log.js';
import { saveToZotero, zoteroCheck, zoteroEnabled } from './zotero.js';
import { personalEntryFor } from './personal-entry.js';
import { createSettingsWriter } from './settings-writer.js';
import { clearTab, getTabResults, setFrameResults } from './tab-results.js';
import { readPersonalMatcherJson, refreshPersonalMatcher } from '../platform/personal-terms-store.js';
import { onPersonalMatcherStored } from '../platform/personal-matcher-signal.js';
import { createMatchService } from './match-service.js';

// Pages send the text of their blocks here to be matched (match-service.ts): the dictionary's tables live
// in this one context instead of in every annotated page.
const matchService = createMatchService({
  dictionary: () => compiled as unknown as CompiledMatcher,
  readOwnTerms: readPersonalMatcherJson,
});
onPersonalMatcherStored(() => matchService.ownTermsChanged());

const references = (dictionary as unknown as DictionaryData).references;

/** Whether a message comes from one of the extension's own pages rather than a content script. */
function fromOwnPage(sender: Sender): boolean {
  return sender.url?.startsWith(extensionUrl('')) === true;
}

const changeSettings = createSettingsWriter({ load: async () => (await loadSettings()).settings, save: saveSettings });

type Handlers = {
  [K in ToBackground['type']]: (
    msg: Extract<ToBackground, { type: K }>,
    sender: Sender,
  ) => Promise<BackgroundReplies[K]> | BackgroundReplies[K];
};

const handlers: Handlers = {
  'page-terms': async (msg, sender) => {
    if (sender.tab?.id === undefined) return false;
    await setFrameResults(sender.tab.id, sender.frameId, msg.terms);
    // The research log (when the reader has switched it on) keeps the article and every term its frames found.
    const url = sender.frameId === 0 ? (sender.url ?? sender.tab.url) : sender.tab.url;
    const terms = (await getTabResults(sender.tab.id))
      .map((t) => t.id)
      .filter((id) => !id.startsWith(PERSONAL_ID_PREFIX));
    await logVisit({ url: url ?? '', ...(sender.tab.title ? { title: sender.tab.title } : {}), terms }).catch(
      () => undefined,
    );
    return true;
  },
  'get-entry': async (msg) => {
    const view = msg.id.startsWith(PERSONAL_ID_PREFIX) ? await personalEntryFor(msg.id) : entryFor(msg.id);
    if (!view || !(await zoteroEnabled())) return view;
    return { ...view, references: view.references.map((r) => ({ ...r, zotero: true as const })) };
  },
  'zotero-save': (msg, sender) => saveToZotero(msg.keys, msg.pageUrl ?? sender.tab?.url ?? sender.url),
  'zotero-ping': () => zoteroCheck(),
  'format-references': (msg) =>
    styleList(
      msg.keys.flatMap((k) => references[k] ?? []),
      msg.style,
    ),
  'article-facts': (msg, sender) =>
    sender.frameId === 0 ? logArticleFacts(sender.url ?? sender.tab?.url, msg) : false,
  // The log is the reader's reading history: only our own pages may read or change it, never a content
  // script (whose renderer a hostile page might have compromised).
  'research-log-export': (msg, sender) => (fromOwnPage(sender) ? exportLog(msg.format) : ''),
  'research-log-delete': (msg, sender) => (fromOwnPage(sender) ? deleteFromLog(msg.url) : false),
  'match-texts': (msg) => matchService.match(msg.texts, msg.disabled, msg.reloadOwnTerms === true),
  'open-url': async (msg, sender) => {
    if (!isOpenableUrl(msg.url)) return false;
    await openTabBeside(msg.url, sender.tab);
    return true;
  },
  'open-glossary': async (msg, sender) => {
    await openTabBeside(extensionUrl(`glossary.html${msg.id ? `#term-${msg.id}` : ''}`), sender.tab, {
      asOpener: false,
    });
    return true;
  },
  'open-options': async () => {
    await openOptionsPage();
    return true;
  },
  'get-tab-terms': async (msg) => ({ terms: await getTabResults(msg.tabId) }),
  'change-settings': (msg) => changeSettings(msg.change),
};

function handle<M extends ToBackground>(msg: M, sender: Sender): Promise<BackgroundReplies[M['type']]> {
  // TypeScript cannot correlate a union's tag with its handler's parameter; `Handlers` checks each pair.
  const handler = handlers[msg.type] as unknown as (m: M, s: Sender) => BackgroundReplies[M['type']];
  return Promise.resolve(handler(msg, sender));
}

onOwnMessage((message, sender) => {
  const msg = parseToBackground(message);
  if (!msg) return Promise.resolve({ error: 'invalid message' });
  return handle(msg, sender).catch((e: unknown) => {
    console.warn('[Netgov Lens] message failed:', e);
    return null;
  });
});

onTabClosed((tabId) => void clearTab(tabId).catch(() => undefined));
// A new document in the tab: its frames report afresh.
onTabNavigated((tabId) => void clearTab(tabId).catch(() => undefined));

onCommand(async (command) => {
  const tab = await activeTab();
  if (!tab) return;
  if (command === 'next-term' || command === 'previous-term') {
    await sendToTab(tab.id, { type: 'navigate', direction: command === 'next-term' ? 'next' : 'previous' }).catch(
      () => undefined,
    );
  } else if (command === 'toggle-site' && tab.url) {
    const { hostname } = new URL(tab.url);
    // The same policy as the popup's switch (core/sites.ts toggleSite), applied to what is stored now.
    if (hostname) await changeSettings({ kind: 'toggle-site', hostname });
  }
});

onInstalledOrUpdated(async () => {
  createContextMenus();
  // Installed or updated: the reader's own terms compiled in this build's format. Earlier builds kept a copy
  // of the compiled dictionary in storage for content scripts, which no longer match: it is dropped.
  await forgetStoredMatcher().catch(() => undefined);
  await refreshPersonalMatcher().catch(() => undefined);
  // Migrate stored settings to the current schema; invalid fields fall back to defaults.
  // An empty patch through the one writer stores them in the current schema; a store with invalid fields is
  // left as it is, for the options page to explain.
  const { invalid } = await loadSettings();
  if (invalid.length === 0) await changeSettings({ kind: 'patch', patch: {} });
});

listenToContextMenus();
