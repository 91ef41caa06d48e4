// The background's side of the runtime: messages from our own contexts, commands, install and update,
// and the addresses of our own pages.
import { browser, type Runtime } from './browser.js';

export interface Sender {
  /** The tab the message came from (absent for extension pages without a tab, such as the popup); its address
   * and title are there when the extension may read them (its content script runs on the page). */
  tab?: { id?: number; index?: number; url?: string; title?: string };
  frameId: number;
  /** The address of the document (the frame) that sent the message. */
  url?: string;
}

/**
 * Answers messages that come from this extension only (never from pages or other extensions). `handler`
 * gets the raw message and returns the reply's promise.
 */
export function onOwnMessage(handler: (message: unknown, sender: Sender) => Promise<unknown>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const tab = sender.tab
      ? {
          ...(sender.tab.id !== undefined ? { id: sender.tab.id } : {}),
          index: sender.tab.index,
          ...(sender.tab.url ? { url: sender.tab.url } : {}),
          ...(sender.tab.title ? { title: sender.tab.title } : {}),
        }
      : undefined;
    return handler(message, {
      ...(tab ? { tab } : {}),
      frameId: sender.frameId ?? 0,
      ...(sender.url ? { url: sender.url } : {}),
    });
  });
}

export function onCommand(listener: (command: string) => Promise<void>): void {
  browser.commands.onCommand.addListener((command) => void listener(command).catch(() => undefined));
}

export function onInstalledOrUpdated(listener: () => Promise<void>): void {
  browser.runtime.onInstalled.addListener(() => void listener().catch(() => undefined));
}

/** The address of one of our pages, e.g. `glossary.html#term-icann`. */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
