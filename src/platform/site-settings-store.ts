// The site settings alone (enabled, site mode, the site lists), for the content script's loader in every
// frame: one read of storage.sync, and changes parsed from the change event itself, with no second read.
// settings-store.ts reads and watches the full settings (both stores) where a page is annotated.
import { parseSiteSettings, type SiteSettings } from '../core/site-settings.js';
import { SETTINGS_KEY } from '../core/storage-keys.js';
import { extensionApi } from './extension-api.js';

/** Settings imported or written by older versions may be a JSON string; unreadable text is a corrupt store. */
export function unwrap(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return '(unreadable)';
  }
}

/** The synced settings as stored (unwrapped, not parsed); undefined when none or unreadable. */
export async function readSyncedSettings(): Promise<unknown> {
  const stored = await extensionApi()
    .storage.sync.get(SETTINGS_KEY)
    .catch(() => ({}));
  return unwrap((stored as Record<string, unknown>)[SETTINGS_KEY]);
}

export async function loadSiteSettings(): Promise<SiteSettings> {
  return parseSiteSettings(await readSyncedSettings());
}

/**
 * Calls `listener` with the site settings whenever the synced settings change: the event carries the whole
 * stored value, so nothing is read again.
 */
export function onSiteSettingsChanged(listener: (settings: SiteSettings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'sync' && SETTINGS_KEY in changes)
      listener(parseSiteSettings(unwrap(changes[SETTINGS_KEY]?.newValue)));
  };
  const { onChanged } = extensionApi().storage;
  onChanged.addListener(handler);
  return () => onChanged.removeListener(handler);
}
