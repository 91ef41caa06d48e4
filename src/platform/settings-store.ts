// Settings in two stores: the reader's in storage.sync, this device's (trigger, delay, text size) in
// storage.local; read with per-field fallback, written only where they differ from the defaults.
import { parseStoredSettings, settingsToStores, type ParsedSettings, type Settings } from '../core/settings.js';
import { DEVICE_SETTINGS_KEY, SETTINGS_KEY } from '../core/storage-keys.js';
import { extensionApi } from './extension-api.js';
import { readSyncedSettings, unwrap } from './site-settings-store.js';

/** The two stores' raw values, as they are kept. */
async function readStores(): Promise<{ sync: unknown; local: unknown }> {
  const [sync, local] = await Promise.all([
    readSyncedSettings(),
    extensionApi()
      .storage.local.get(DEVICE_SETTINGS_KEY)
      .catch(() => ({})),
  ]);
  return { sync, local: unwrap((local as Record<string, unknown>)[DEVICE_SETTINGS_KEY]) };
}

export async function loadSettings(): Promise<ParsedSettings> {
  const { sync, local } = await readStores();
  return parseStoredSettings(sync, local);
}

export async function saveSettings(settings: Settings): Promise<void> {
  const { sync, local } = settingsToStores(settings);
  const api = extensionApi();
  // This device's part first: a sync quota error then leaves it saved.
  await api.storage.local.set({ [DEVICE_SETTINGS_KEY]: local });
  await api.storage.sync.set({ [SETTINGS_KEY]: sync });
}

/**
 * Calls `listener` with the settings whenever either store changes in any context, in the order of the
 * changes: each event's new value is combined with the last known value of the other store (read once at
 * the start), so that quick successive changes are each seen, none overtaken by a slower read.
 */
export function onSettingsChanged(listener: (parsed: ParsedSettings) => void): () => void {
  return watch(listener, false);
}

/**
 * As onSettingsChanged, and calls `listener` with the stored settings too, once they are read: one read of
 * the two stores serves both (a page that reads its settings and then watches them would read them twice).
 */
export function watchSettings(listener: (parsed: ParsedSettings) => void): () => void {
  return watch(listener, true);
}

function watch(listener: (parsed: ParsedSettings) => void, initial: boolean): () => void {
  let stores: { sync: unknown; local: unknown } | null = null;
  let changedBeforeRead = false;
  const seed = (): void =>
    void readStores().then(
      (read) => {
        // A change that arrived while reading may not be in what was read: read again.
        if (changedBeforeRead) {
          changedBeforeRead = false;
          seed();
        } else if (!stores) {
          stores = read;
          if (initial) listener(parseStoredSettings(read.sync, read.local));
        }
      },
      (e: unknown) => console.warn('[Netgov Lens] no settings:', e),
    );
  seed();
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const key = area === 'sync' ? SETTINGS_KEY : area === 'local' ? DEVICE_SETTINGS_KEY : null;
    if (!key || !(key in changes)) return;
    const value = unwrap(changes[key]?.newValue);
    if (!stores) {
      changedBeforeRead = true;
      void loadSettings().then(listener);
      return;
    }
    stores = area === 'sync' ? { ...stores, sync: value } : { ...stores, local: value };
    listener(parseStoredSettings(stores.sync, stores.local));
  };
  extensionApi().storage.onChanged.addListener(handler);
  return () => extensionApi().storage.onChanged.removeListener(handler);
}
