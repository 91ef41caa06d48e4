// storage.session: what the background keeps about open tabs, so that a restarted service worker still knows.
import { browser } from './browser.js';

export async function sessionGet<T>(key: string): Promise<T | undefined> {
  try {
    return (await browser.storage.session.get(key))[key] as T | undefined;
  } catch {
    return undefined;
  }
}

export async function sessionSet(key: string, value: unknown): Promise<void> {
  await browser.storage.session.set({ [key]: value });
}

export async function sessionRemove(key: string): Promise<void> {
  await browser.storage.session.remove(key);
}
