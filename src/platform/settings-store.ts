// Settings in storage.sync: read with per-field fallback, write only what differs from the defaults.
import { parseSettings, settingsToStore, type ParsedSettings, type Settings } from '../core/settings.js';
import { extensionApi } from './extension-api.js';

import { SETTINGS_KEY as KEY } from '../core/storage-keys.js';

export async function loadSettings(): Promise<ParsedSettings> {
  try {
    const stored = await extensionApi().storage.sync.get(KEY);
    let value: unknown = stored[KEY];
    // Settings imported or written by older versions may be a JSON string.
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        return { ...parseSettings(undefined), invalid: ['(all)'] };
      }
    }
    return parseSettings(value);
  } catch {
    return parseSettings(undefined);
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await extensionApi().storage.sync.set({ [KEY]: settingsToStore(settings) });
}

/** Calls `listener` with the new settings whenever they change in any context. Returns an unsubscribe. */
export function onSettingsChanged(listener: (parsed: ParsedSettings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'sync' || !(KEY in changes)) return;
    let value = changes[KEY]?.newValue;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        value = null;
      }
    }
    listener(parseSettings(value));
  };
  extensionApi().storage.onChanged.addListener(handler);
  return () => extensionApi().storage.onChanged.removeListener(handler);
}
