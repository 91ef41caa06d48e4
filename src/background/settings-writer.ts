// The one writer of the reader's settings: every context sends its change here, and changes are applied one
// after another to what is stored at that moment, so two contexts never overwrite each other's change.
import { applySettingsChange, type SettingsChange } from '../core/settings-change.js';
import type { Settings } from '../core/settings.js';

export interface SettingsStore {
  load: () => Promise<Settings>;
  save: (settings: Settings) => Promise<void>;
}

export type SettingsWriter = (
  change: SettingsChange,
) => Promise<{ ok: true; settings: Settings } | { ok: false; error: string }>;

export function createSettingsWriter(store: SettingsStore): SettingsWriter {
  let queue: Promise<unknown> = Promise.resolve();
  return (change) => {
    const run = queue.then(async () => {
      try {
        const settings = applySettingsChange(await store.load(), change);
        await store.save(settings);
        return { ok: true as const, settings };
      } catch (e) {
        return { ok: false as const, error: e instanceof Error ? e.message : String(e) };
      }
    });
    queue = run;
    return run;
  };
}
