// Context menu on selected text: look the selection up as a paper, or explain it if it is a known term.
import compiled from '../../build/generated/matcher.json';
import type { CompiledMatcher } from '../core/compiled-matcher.js';
import { searchUrl } from '../core/lookup.js';
import { Matcher } from '../core/match.js';
import { t } from '../platform/i18n.js';
import { onMenuChosen, setSelectionMenus } from '../platform/menus.js';
import { extensionUrl } from '../platform/runtime.js';
import { openTabBeside, sendToTab } from '../platform/tabs.js';
import { loadSettings } from '../platform/settings-store.js';

const LOOKUP_ID = 'netgov-lens-lookup';
const EXPLAIN_ID = 'netgov-lens-explain';
const MAX_SELECTION = 200;

let matcher: Matcher | null = null;

/** The term a selection names, if it is (essentially) one alias. */
function termForSelection(text: string): string | null {
  matcher ??= new Matcher(compiled as unknown as CompiledMatcher);
  const trimmed = text.trim().slice(0, MAX_SELECTION);
  const matches = matcher.findAll(trimmed);
  if (matches.length !== 1) return null;
  const m = matches[0];
  if (!m || m.end - m.start < trimmed.length * 0.6) return null;
  return matcher.data.terms[m.term] ?? null;
}

export function createContextMenus(): void {
  setSelectionMenus([
    { id: LOOKUP_ID, title: t('menuLookup', '%s') },
    { id: EXPLAIN_ID, title: t('menuExplain', '%s') },
  ]);
}

export function listenToContextMenus(): void {
  onMenuChosen(async ({ itemId, selection: raw, frameId, tab }) => {
    const selection = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_SELECTION);
    if (!selection) return;
    if (itemId === LOOKUP_ID) {
      const { settings } = await loadSettings();
      await openTabBeside(searchUrl(selection, settings.lookupProvider), tab);
    } else if (itemId === EXPLAIN_ID) {
      const id = termForSelection(selection);
      const shown =
        id && tab?.id !== undefined
          ? await sendToTab(tab.id, { type: 'show-term', id }, frameId).catch(() => false)
          : false;
      if (shown !== true) {
        // Not a known term, or not annotated on this page: the glossary can still explain or search it.
        const url = extensionUrl(`glossary.html${id ? `#term-${id}` : `?q=${encodeURIComponent(selection)}`}`);
        await openTabBeside(url, tab, { asOpener: false });
      }
    }
  });
}
