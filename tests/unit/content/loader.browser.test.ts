import { afterEach, describe, expect, it, vi } from 'vitest';
import { SITE_DEFAULTS, type SiteSettings } from '../../../src/core/site-settings.js';
import { answerSwitchedOff, type LoaderDeps, startLoader } from '../../../src/content/loader.js';
import { until } from './browser-helpers.js';

let frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const f of frames) f.remove();
  frames = [];
});

const ARTICLE = `<p>${'The multistakeholder model of internet governance is argued over. '.repeat(4)}</p>`;

/** A same-origin subframe's document showing `html` (the test page itself is a subframe too). */
async function frameDoc(html: string): Promise<Document> {
  const f = document.createElement('iframe');
  f.style.width = '400px';
  f.style.height = '200px';
  f.srcdoc = html;
  frames.push(f);
  const loaded = new Promise((resolve) => f.addEventListener('load', resolve, { once: true }));
  document.body.append(f);
  await loaded;
  return f.contentDocument as Document;
}

type Listener = (settings: SiteSettings) => void;

/** Fake extension: settings as stored, a way to change them, the message handlers the loader registered. */
function fakeDeps(enabled: boolean) {
  const listeners = new Set<Listener>();
  const handlers: ((message: unknown) => Promise<unknown> | undefined)[] = [];
  const deps = {
    loadSettings: vi.fn(() => Promise.resolve({ ...SITE_DEFAULTS, enabled })),
    onSettingsChanged: vi.fn((listener: Listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    onRuntimeMessage: vi.fn((handler: (message: unknown) => Promise<unknown> | undefined) => {
      handlers.push(handler);
    }),
    startMain: vi.fn(() => Promise.resolve()),
  } satisfies LoaderDeps;
  const change = (on: boolean): void => {
    for (const l of [...listeners]) l({ ...SITE_DEFAULTS, enabled: on });
  };
  const send = (message: unknown): Promise<unknown> | undefined => handlers[0]?.(message);
  return { deps, change, send, listeners };
}

describe('loader', () => {
  it('starts the main script in a frame worth annotating on a site that is on, once', async () => {
    const { deps, change } = fakeDeps(true);
    startLoader(await frameDoc(ARTICLE), deps);
    await until(() => deps.startMain.mock.calls.length > 0);
    change(true);
    await Promise.resolve();
    expect(deps.startMain).toHaveBeenCalledOnce();
  });

  it('starts it once when the site is switched on while the stored settings are being read', async () => {
    const { deps, change } = fakeDeps(true);
    startLoader(await frameDoc(ARTICLE), deps);
    change(true);
    await until(() => deps.loadSettings.mock.results.length > 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(deps.startMain).toHaveBeenCalledOnce();
  });

  it('in a switched-off top frame answers the popup as the main script would, and loads nothing', async () => {
    const { deps, send } = fakeDeps(false);
    // The test page is itself a subframe: this frame plays the top frame.
    startLoader(await frameDoc(ARTICLE), deps, true);
    await until(() => deps.loadSettings.mock.calls.length > 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(deps.startMain).not.toHaveBeenCalled();
    await expect(send({ type: 'ping' })).resolves.toEqual({ annotating: false, matches: 0, hostname: '' });
    await expect(send({ type: 'navigate', direction: 'next' })).resolves.toBe(false);
    await expect(send({ type: 'show-term', id: 'icann' })).resolves.toBe(false);
    expect(send({ type: 'article-facts' })).toBeUndefined();
  });

  it('loads the main script when the reader switches the site on, then leaves the messages to it', async () => {
    const { deps, change, send, listeners } = fakeDeps(false);
    startLoader(await frameDoc(ARTICLE), deps, true);
    await until(() => deps.loadSettings.mock.calls.length > 0);
    await new Promise((r) => setTimeout(r, 50));
    change(false);
    expect(deps.startMain).not.toHaveBeenCalled();
    change(true);
    expect(deps.startMain).toHaveBeenCalledOnce();
    // Until the main script has started, the loader still answers; then its controller does.
    await expect(send({ type: 'ping' })).resolves.toMatchObject({ annotating: false });
    await Promise.resolve();
    expect(send({ type: 'ping' })).toBeUndefined();
    expect(listeners.size).toBe(0);
    change(true);
    expect(deps.startMain).toHaveBeenCalledOnce();
  });

  it('leaves a blank subframe alone: no settings read, no listener, no main script', async () => {
    const { deps } = fakeDeps(true);
    startLoader(await frameDoc(''), deps);
    await new Promise((r) => setTimeout(r, 50));
    expect(deps.loadSettings).not.toHaveBeenCalled();
    expect(deps.onRuntimeMessage).not.toHaveBeenCalled();
    expect(deps.onSettingsChanged).not.toHaveBeenCalled();
    expect(deps.startMain).not.toHaveBeenCalled();
  });

  it('in a switched-off subframe reads the settings but registers no message handler (the popup asks the top frame)', async () => {
    const { deps } = fakeDeps(false);
    startLoader(await frameDoc(ARTICLE), deps, false);
    await until(() => deps.loadSettings.mock.calls.length > 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(deps.onRuntimeMessage).not.toHaveBeenCalled();
    expect(deps.startMain).not.toHaveBeenCalled();
  });

  it('in a top frame with too little text answers the popup, reads nothing, and starts once text arrives', async () => {
    const { deps, send } = fakeDeps(true);
    const doc = await frameDoc('<p>Loading…</p>');
    startLoader(doc, deps, true);
    await new Promise((r) => setTimeout(r, 50));
    expect(deps.loadSettings).not.toHaveBeenCalled();
    expect(deps.onSettingsChanged).not.toHaveBeenCalled();
    await expect(send({ type: 'ping' })).resolves.toEqual({ annotating: false, matches: 0, hostname: '' });
    const p = doc.createElement('p');
    p.textContent = 'The multistakeholder model of internet governance is argued over. '.repeat(4);
    doc.body.append(p);
    await until(() => deps.startMain.mock.calls.length > 0, 3000);
    expect(deps.loadSettings).toHaveBeenCalledOnce();
  });

  it('answers only the messages a content script gets', () => {
    expect(answerSwitchedOff({ type: 'ping' }, 'example.org')).toEqual({
      annotating: false,
      matches: 0,
      hostname: 'example.org',
    });
    expect(answerSwitchedOff({ type: 'navigate', direction: 'sideways' }, 'example.org')).toBeUndefined();
    expect(answerSwitchedOff('ping', 'example.org')).toBeUndefined();
  });
});
