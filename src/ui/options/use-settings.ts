// Settings as Preact state: loads once, follows changes made elsewhere (popup, popover, other tabs),
// and sends each change to the background, the one writer, which applies it to what is stored then.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { settingsToStore, type ParsedSettings, type Settings } from '../../core/settings.js';
import { changeSettings } from '../../platform/messaging.js';
import { loadSettings, onSettingsChanged } from '../../platform/settings-store.js';

/** How long to wait for the storage event of one of our writes before no longer expecting it. */
const ECHO_TIMEOUT_MS = 3000;

const storedForm = (s: Settings): string => JSON.stringify(settingsToStore(s));

export function useSettings(): {
  parsed: ParsedSettings | null;
  /** Each resolves to whether the change was saved. */
  update: (patch: Partial<Settings>) => Promise<boolean>;
  replace: (settings: Settings) => Promise<boolean>;
  /** The browser's reason when the last write failed (e.g. the sync quota), else null. */
  saveError: string | null;
} {
  const [parsed, setParsed] = useState<ParsedSettings | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  // The latest settings, read by `update` so that quick changes (before a re-render) all survive.
  const latest = useRef<Settings | null>(null);
  // Our writes whose storage events have not come back yet, oldest first. Events arrive in write order,
  // so an event that is not one of these while some are pending is older than them and is ignored.
  const echoes = useRef<{ form: string }[]>([]);
  const live = useRef(true);

  const show = useCallback((settings: Settings) => {
    latest.current = settings;
    // `invalid` describes what was found on load; it stays until the page is reloaded.
    setParsed((prev) => ({ settings, invalid: prev?.invalid ?? [] }));
  }, []);

  useEffect(() => {
    live.current = true;
    void loadSettings().then((p) => {
      if (!live.current) return;
      latest.current = p.settings;
      setParsed(p);
    });
    const off = onSettingsChanged((p) => {
      if (!live.current) return;
      const form = storedForm(p.settings);
      const i = echoes.current.findIndex((e) => e.form === form);
      if (i >= 0) echoes.current.splice(0, i + 1);
      else if (echoes.current.length === 0) show(p.settings);
    });
    return () => {
      live.current = false;
      off();
    };
  }, [show]);

  /** Shows `predicted` at once, sends `patch` to the background and shows what it stored. */
  const write = useCallback(
    async (patch: Partial<Settings>, predicted: Settings): Promise<boolean> => {
      const form = storedForm(predicted);
      const unchanged = latest.current !== null && storedForm(latest.current) === form;
      show(predicted);
      if (unchanged) return true;
      const echo = { form };
      echoes.current.push(echo);
      const forget = (): void => {
        echoes.current = echoes.current.filter((e) => e !== echo);
      };
      const result = await changeSettings({ kind: 'patch', patch }).catch((e: unknown) => ({
        ok: false as const,
        error: e instanceof Error ? e.message : String(e),
      }));
      if (result.ok) {
        setSaveError(null);
        // Another context may have changed something meanwhile: its storage event is then ours to expect.
        echo.form = storedForm(result.settings);
        if (live.current) show(result.settings);
        // Browsers may skip the event for a write that changed nothing in storage.
        setTimeout(forget, ECHO_TIMEOUT_MS);
        return true;
      }
      forget();
      setSaveError(result.error);
      // Show what is really stored, not the change that could not be saved.
      const stored = (await loadSettings()).settings;
      if (live.current) show(stored);
      return false;
    },
    [show],
  );

  const replace = useCallback((settings: Settings): Promise<boolean> => write(settings, settings), [write]);

  const update = useCallback(
    async (patch: Partial<Settings>): Promise<boolean> => {
      const current = latest.current ?? (await loadSettings()).settings;
      return write(patch, { ...current, ...patch });
    },
    [write],
  );
  return { parsed, update, replace, saveError };
}
