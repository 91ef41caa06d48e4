import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PERSONAL_MATCHER_KEY, PERSONAL_TERMS_KEY } from '../../../src/core/storage-keys.js';
import { compilePersonalMatcher, refreshPersonalMatcher } from '../../../src/platform/personal-terms-store.js';

const TERM = { id: 'my-alpha', label: 'Alpha term', aliases: ['alpha term'], note: '', links: [] };

/** A chrome.storage.local of the given items; `set` records what was written. */
function fakeChrome(items: Record<string, unknown>) {
  const set = vi.fn(async (patch: Record<string, unknown>) => void Object.assign(items, patch));
  const get = vi.fn(async (key: string) => (key in items ? { [key]: items[key] } : {}));
  (globalThis as { chrome?: unknown }).chrome = { runtime: { id: 'test' }, storage: { local: { get, set } } };
  return { items, set };
}

beforeEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});
afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('refreshPersonalMatcher (run on install and update)', () => {
  // Every write of the compiled terms makes each open page scan again.
  it('writes nothing on a fresh install, with no terms and no compiled matcher', async () => {
    const { set } = fakeChrome({});
    await refreshPersonalMatcher();
    expect(set).not.toHaveBeenCalled();
  });

  it('writes nothing when the stored matcher is already this build’s', async () => {
    const { set } = fakeChrome({
      [PERSONAL_TERMS_KEY]: [TERM],
      [PERSONAL_MATCHER_KEY]: compilePersonalMatcher([TERM]),
    });
    await refreshPersonalMatcher();
    expect(set).not.toHaveBeenCalled();
  });

  it('compiles the stored terms again when the stored matcher differs', async () => {
    const { items, set } = fakeChrome({ [PERSONAL_TERMS_KEY]: [TERM], [PERSONAL_MATCHER_KEY]: '{"old":true}' });
    await refreshPersonalMatcher();
    expect(set).toHaveBeenCalledTimes(1);
    expect(items[PERSONAL_MATCHER_KEY]).toBe(compilePersonalMatcher([TERM]));
  });

  it('removes a compiled matcher left behind by terms that are gone', async () => {
    const { items, set } = fakeChrome({ [PERSONAL_MATCHER_KEY]: '{"old":true}' });
    await refreshPersonalMatcher();
    expect(set).toHaveBeenCalledTimes(1);
    expect(items[PERSONAL_MATCHER_KEY]).toBeNull();
  });
});
