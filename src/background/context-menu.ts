// Context menu on selected text: look the selection up as a paper, or explain it if it is a known term.
import compiled from '../../build/generated/matcher.json';
import type { CompiledMatcher } from '../core/compiled-matcher.js';
import { searchUrl } from '../core/lookup.js';
import { Matcher } from '../core/match.js';
import { browser } from '../platform/browser.js';
import { t } from '../platform/i18n.js';
import { sendToTab } from '../platform/tabs.js';
import { loadSettings } from '../platform/settings-store.js';

const LOOKUP_ID = 'netgov-lens-lookup';
const EXPLAIN_ID = 'netgov-lens-explain';
const MAX_SELECTION = 200;

let matcher: Matcher | null = null;

/** The term a selection names, if it is (essentially) one alias. */
export function termForSelection(text: string): string | null {
  matcher ??= new Matcher(compiled as unknown as CompiledMatcher);
  const trimmed = text.trim().slice(0, MAX_SELECTION);
  const matches = matcher.findAll(trimmed);
  if (matches.length !== 1) return null;
  const m = matches[0];
  if (!m || m.end - m.start < trimmed.length * 0.6) return null;
  return matcher.data.terms[m.term] ?? null;
}

export function createContextMenus(): void {
  browser.contextMenus.removeAll().then(
    () => {
      browser.contextMenus.create({ id: LOOKUP_ID, title: t('menuLookup', '%s'), contexts: ['selection'] });
      browser.contextMenus.create({ id: EXPLAIN_ID, title: t('menuExplain', '%s'), contexts: ['selection'] });
    },
    () => undefined,
  );
}

export function listenToContextMenus(): void {
  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    const selection = (info.selectionText ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_SELECTION);
    if (!selection) return;
    if (info.menuItemId === LOOKUP_ID) {
      const { settings } = await loadSettings();
      await browser.tabs.create({
        url: searchUrl(selection, settings.lookupProvider),
        ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
        ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
      });
    } else if (info.menuItemId === EXPLAIN_ID) {
      const id = termForSelection(selection);
      const shown =
        id && tab?.id !== undefined
          ? await sendToTab(tab.id, { type: 'show-term', id }, info.frameId ?? 0).catch(() => false)
          : false;
      if (!shown) {
        // Not a known term, or not annotated on this page: the glossary can still explain or search it.
        const url = browser.runtime.getURL(
          `glossary.html${id ? `#term-${id}` : `?q=${encodeURIComponent(selection)}`}`,
        );
        await browser.tabs.create({ url, ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}) });
      }
    }
  });
}
