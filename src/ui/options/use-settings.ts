// Settings as Preact state: loads once, follows changes made elsewhere (popup, popover, other tabs),
// and writes through settings-store (only what differs from the defaults).
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ParsedSettings, Settings } from '../../core/settings.js';
import { loadSettings, onSettingsChanged, saveSettings } from '../../platform/settings-store.js';

export function useSettings(): {
  parsed: ParsedSettings | null;
  update: (patch: Partial<Settings>) => Promise<void>;
  replace: (settings: Settings) => Promise<void>;
} {
  const [parsed, setParsed] = useState<ParsedSettings | null>(null);
  useEffect(() => {
    let live = true;
    void loadSettings().then((p) => live && setParsed(p));
    const off = onSettingsChanged(
      (p) => live && setParsed((prev) => ({ settings: p.settings, invalid: prev?.invalid ?? [] })),
    );
    return () => {
      live = false;
      off();
    };
  }, []);
  const replace = useCallback(async (settings: Settings) => {
    setParsed((prev) => ({ settings, invalid: prev?.invalid ?? [] }));
    await saveSettings(settings);
  }, []);
  const update = useCallback(
    async (patch: Partial<Settings>) => {
      const current = parsed?.settings ?? (await loadSettings()).settings;
      await replace({ ...current, ...patch });
    },
    [parsed, replace],
  );
  return { parsed, update, replace };
}
