// Two contexts change settings at the same moment: both changes must survive.
import { describe, expect, it } from 'vitest';
import { createSettingsWriter, type SettingsStore } from '../../../src/background/settings-writer.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings.js';

/** A store whose reads and writes take turns with the event loop, as browser storage does. */
function slowStore(
  initial: Settings,
  delay = (): number => Math.random() * 3,
): SettingsStore & { current: () => Settings; writes: number } {
  let stored = structuredClone(initial);
  const tick = (): Promise<void> => new Promise((r) => setTimeout(r, delay()));
  const store = {
    writes: 0,
    current: () => stored,
    load: async () => {
      await tick();
      return structuredClone(stored);
    },
    save: async (s: Settings) => {
      await tick();
      stored = structuredClone(s);
      store.writes++;
    },
  };
  return store;
}

describe('the settings writer', () => {
  it('keeps both of two racing changes (a load-modify-save in each context would lose one)', async () => {
    const store = slowStore({ ...DEFAULT_SETTINGS });
    const write = createSettingsWriter(store);
    await Promise.all([
      write({ kind: 'hide-term', id: 'icann' }),
      write({ kind: 'toggle-site', hostname: 'news.example.org', enabled: false }),
      write({ kind: 'patch', patch: { trigger: 'click' } }),
      write({ kind: 'hide-term', id: 'igf' }),
    ]);
    expect(store.current().disabledTerms).toEqual(['icann', 'igf']);
    expect(store.current().deniedSites).toEqual(['news.example.org']);
    expect(store.current().trigger).toBe('click');
    expect(store.writes).toBe(4);
  });

  it('the naive way does lose one, so the test above can fail', async () => {
    // Equal delays: both reads finish before either write, every time.
    const store = slowStore({ ...DEFAULT_SETTINGS }, () => 1);
    const naive = async (id: string): Promise<void> => {
      const s = await store.load();
      await store.save({ ...s, disabledTerms: [...s.disabledTerms, id] });
    };
    await Promise.all([naive('icann'), naive('igf')]);
    expect(store.current().disabledTerms.length).toBe(1);
  });

  it('answers each change with the settings as stored after it, and goes on after a failed write', async () => {
    const store = slowStore({ ...DEFAULT_SETTINGS });
    let fail = true;
    const write = createSettingsWriter({
      load: store.load,
      save: async (s) => {
        if (fail) {
          fail = false;
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        }
        await store.save(s);
      },
    });
    const [first, second] = await Promise.all([
      write({ kind: 'hide-term', id: 'icann' }),
      write({ kind: 'hide-term', id: 'igf' }),
    ]);
    expect(first).toEqual({ ok: false, error: 'QUOTA_BYTES_PER_ITEM quota exceeded' });
    expect(second.ok && second.settings.disabledTerms).toEqual(['igf']);
  });
});
