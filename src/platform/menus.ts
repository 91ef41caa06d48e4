// Context-menu items on selected text, and what the reader chose.
import { browser } from './browser.js';

export interface MenuChoice {
  itemId: string;
  selection: string;
  frameId: number;
  tab?: { id?: number; index?: number };
}

/** Replaces our menu items by these, each shown on a selection ("%s" in a title stands for it). */
export function setSelectionMenus(items: { id: string; title: string }[]): void {
  browser.contextMenus.removeAll().then(
    () => {
      for (const item of items) browser.contextMenus.create({ ...item, contexts: ['selection'] });
    },
    () => undefined,
  );
}

export function onMenuChosen(listener: (choice: MenuChoice) => Promise<void>): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void listener({
      itemId: String(info.menuItemId),
      selection: info.selectionText ?? '',
      frameId: info.frameId ?? 0,
      ...(tab ? { tab: { ...(tab.id !== undefined ? { id: tab.id } : {}), index: tab.index } } : {}),
    }).catch(() => undefined);
  });
}
