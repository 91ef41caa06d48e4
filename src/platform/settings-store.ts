// Settings in two stores: the reader's in storage.sync, this device's (trigger, delay, text size) in
// storage.local; read with per-field fallback, written only where they differ from the defaults.
import { parseStoredSettings, settingsToStores, type ParsedSettings, type Settings } from '../core/settings.js';
import { DEVICE_SETTINGS_KEY, SETTINGS_KEY } from '../core/storage-keys.js';
import { extensionApi } from './extension-api.js';

/** Settings imported or written by older versions may be a JSON string; unreadable text is a corrupt store. */
function unwrap(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return '(unreadable)';
  }
}

export async function loadSettings(): Promise<ParsedSettings> {
  const api = extensionApi();
  const [sync, local] = await Promise.all([
    api.storage.sync.get(SETTINGS_KEY).catch(() => ({})),
    api.storage.local.get(DEVICE_SETTINGS_KEY).catch(() => ({})),
  ]);
  return parseStoredSettings(
    unwrap((sync as Record<string, unknown>)[SETTINGS_KEY]),
    unwrap((local as Record<string, unknown>)[DEVICE_SETTINGS_KEY]),
  );
}

export async function saveSettings(settings: Settings): Promise<void> {
  const { sync, local } = settingsToStores(settings);
  const api = extensionApi();
  // This device's part first: a sync quota error then leaves it saved.
  await api.storage.local.set({ [DEVICE_SETTINGS_KEY]: local });
  await api.storage.sync.set({ [SETTINGS_KEY]: sync });
}

/** Calls `listener` with the settings whenever either store changes in any context. Returns an unsubscribe. */
export function onSettingsChanged(listener: (parsed: ParsedSettings) => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string): void => {
    if ((area === 'sync' && SETTINGS_KEY in changes) || (area === 'local' && DEVICE_SETTINGS_KEY in changes)) {
      void loadSettings().then(listener);
    }
  };
  extensionApi().storage.onChanged.addListener(handler);
  return () => extensionApi().storage.onChanged.removeListener(handler);
}
