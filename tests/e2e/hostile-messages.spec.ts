// Bad input: garbage messages to the background and broken stored settings (hostile-helpers.ts).
import { NO_ERRORS, PageProbe, until } from '../fixtures/pages/hostile/harness.js';
import { expect } from './fixtures.js';
import { close, hoverTerm, open, test, watch } from './hostile-helpers.js';

// ---- Bad input: messages -------------------------------------------------------------------------------

/** Messages of every wrong shape (all JSON-serialisable: that is what runtime messaging carries). */
const GARBAGE: unknown[] = [
  null,
  42,
  'get-entry',
  true,
  [],
  [{ type: 'get-entry', id: 'icann' }],
  {},
  { type: 'no-such-type' },
  { type: 'GET-ENTRY', id: 'icann' },
  { type: 'get-entry' },
  { type: 'get-entry', id: 42 },
  { type: 'get-entry', id: '../../manifest.json' },
  { type: 'get-entry', id: 'x'.repeat(81) },
  { type: 'get-entry', id: ['icann'] },
  { type: 'page-terms' },
  { type: 'page-terms', terms: 'icann' },
  { type: 'page-terms', terms: [{ id: 'icann', count: -1 }] },
  { type: 'page-terms', terms: [{ id: 'icann', count: 1.5 }] },
  { type: 'page-terms', terms: [{ id: 'ICANN!', count: 1 }] },
  { type: 'page-terms', terms: [null] },
  { type: 'page-terms', terms: Array.from({ length: 5001 }, () => ({ id: 'icann', count: 1 })) },
  { type: 'open-url' },
  { type: 'open-url', url: '' },
  { type: 'open-url', url: 'x'.repeat(4001) },
  { type: 'open-glossary', id: '<img src=x onerror=alert(1)>' },
  { type: 'get-tab-terms', tabId: -1 },
  { type: 'get-tab-terms', tabId: '1' },
  { type: 'set-site-enabled', hostname: 'example.org', enabled: true },
  { type: 'change-settings', change: { kind: 'toggle-site', hostname: 'example.org', enabled: 'yes' } },
  { type: 'change-settings', change: { kind: 'toggle-site', hostname: 'x'.repeat(254) } },
  { type: 'change-settings', change: { kind: 'toggle-site', hostname: '<script>' } },
  { type: 'change-settings', change: { kind: 'patch', patch: { enabled: 'no' } } },
  JSON.parse('{"type":"get-entry","id":"icann!","__proto__":{"polluted":true}}'),
];

/** Well-formed messages that the handlers must still refuse. */
const REFUSED: [unknown, unknown][] = [
  [{ type: 'open-url', url: 'javascript:alert(1)' }, false],
  [{ type: 'open-url', url: 'chrome://settings' }, false],
  [{ type: 'open-url', url: 'file:///etc/passwd' }, false],
  [{ type: 'open-url', url: 'data:text/html,<script>alert(1)</script>' }, false],
  [{ type: 'open-url', url: 'http://example.org/' }, false],
  [{ type: 'open-url', url: 'https://user:secret@example.org/' }, false],
  [{ type: 'get-entry', id: 'no-such-term' }, null],
];

test('garbage messages to the background are rejected; the same worker keeps answering', async ({
  extContext,
  extensionId,
  serviceWorker,
  server,
}) => {
  await serviceWorker.evaluate(() => {
    (globalThis as unknown as { __netgovMarker: string }).__netgovMarker = 'alive';
  });
  const storedBefore = await serviceWorker.evaluate(() => chrome.storage.sync.get(null));
  const pagesBefore = extContext.pages().length;
  // From an extension page.
  const ext = await extContext.newPage();
  watch.watch(ext);
  await ext.goto(`chrome-extension://${extensionId}/options.html`);
  const send = (list: unknown[]) =>
    ext.evaluate(
      (msgs) =>
        Promise.all(
          msgs.map((m) =>
            chrome.runtime.sendMessage(m).then(
              (r: unknown) => r,
              (e: Error) => `threw: ${e.message}`,
            ),
          ),
        ),
      list,
    );
  expect(await send(GARBAGE)).toEqual(GARBAGE.map(() => ({ error: 'invalid message' })));
  expect(await send(REFUSED.map(([m]) => m))).toEqual(REFUSED.map(([, answer]) => answer));
  // A message too deep to serialise fails in the sender, not in the worker.
  const deep = await ext.evaluate(async () => {
    let m: unknown = { type: 'get-entry', id: 'icann' };
    for (let i = 0; i < 20_000; i++) m = { type: 'page-terms', terms: [m] };
    try {
      return JSON.stringify(await chrome.runtime.sendMessage(m));
    } catch (e) {
      return `threw: ${(e as Error).message}`;
    }
  });
  expect(deep).toMatch(/threw|invalid message/);

  // From the content script's own world on a web page (the route a compromised content script would take).
  const page = await extContext.newPage();
  watch.watch(page);
  await page.goto(`${server.url}/fixtures/demo-article.html`);
  const probe = await PageProbe.attach(page, extensionId);
  const fromContent = await probe.runInContentScript(
    (msgs) =>
      Promise.all(
        (msgs as unknown[]).map((m) =>
          chrome.runtime.sendMessage(m).then(
            (r: unknown) => r,
            (e: Error) => `threw: ${e.message}`,
          ),
        ),
      ),
    GARBAGE.slice(0, 20) as never,
  );
  expect(fromContent).toEqual(GARBAGE.slice(0, 20).map(() => ({ error: 'invalid message' })));

  // The page itself has no way in: no runtime messaging in its world, no window message listener of ours.
  expect(
    await page.evaluate(
      () =>
        typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    ),
  ).toBe('undefined');
  const listeners = Object.keys(await probe.contentScriptListeners());
  expect(listeners.filter((l) => /message/.test(l))).toEqual([]);

  // The same worker (not a restarted one) still answers a valid request, nothing was opened or stored,
  // and no prototype was polluted.
  const entry = (await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'get-entry', id: 'icann' }))) as {
    entry: { label: string };
  };
  expect(entry.entry.label).toBe('ICANN');
  expect(
    await serviceWorker.evaluate(() => ({
      marker: (globalThis as unknown as { __netgovMarker: string }).__netgovMarker,
      polluted: ({} as Record<string, unknown>).polluted ?? null,
    })),
  ).toEqual({ marker: 'alive', polluted: null });
  expect(extContext.pages().length).toBe(pagesBefore + 2);
  expect(await serviceWorker.evaluate(() => chrome.storage.sync.get(null))).toEqual(storedBefore);
  expect(watch.report()).toEqual(NO_ERRORS);
  await probe.detach();
  await page.close();
  await ext.close();
});

// ---- Bad input: stored settings ------------------------------------------------------------------------

const BROKEN_SETTINGS: { name: string; stored: unknown; style: string | null }[] = [
  {
    name: 'wrong types and unknown keys',
    stored: {
      schemaVersion: 1,
      enabled: 'yes',
      highlightStyle: 42,
      trigger: ['click'],
      hoverDelayMs: -5,
      occurrences: null,
      disabledTerms: [1, 2],
      deniedSites: '127.0.0.1',
      unknownKey: { nested: true },
    },
    style: 'netgov-lens-dotted',
  },
  {
    name: 'one valid field among broken ones',
    stored: { schemaVersion: 1, highlightStyle: 'solid', enabled: 0, trigger: 'never' },
    style: 'netgov-lens-solid',
  },
  { name: 'invalid JSON', stored: '{"enabled": fal', style: 'netgov-lens-dotted' },
  { name: 'not an object', stored: [1, 2, 3], style: 'netgov-lens-dotted' },
  { name: 'old schema version', stored: { on: true, highlightStyle: 'background' }, style: 'netgov-lens-background' },
  { name: 'old schema version, switched off', stored: { on: false }, style: null },
  {
    name: 'newer schema version',
    stored: { schemaVersion: 99, highlightStyle: 'solid', later: 1 },
    style: 'netgov-lens-solid',
  },
];

for (const { name, stored, style } of BROKEN_SETTINGS) {
  test(`stored settings with ${name}: the content script falls back per field`, async ({
    extContext,
    server,
    serviceWorker,
    extensionId,
  }) => {
    await serviceWorker.evaluate((value) => chrome.storage.sync.set({ settings: value }), stored as never);
    const o = await open(extContext, `${server.url}/fixtures/demo-article.html`, extensionId);
    if (style === null) {
      // The migrated value is honoured: switched off stays off.
      await until(
        () => o.probe.runInContentScript(() => document.readyState),
        (s) => s === 'complete',
      );
      await o.page.waitForTimeout(800);
      expect(await o.probe.registryEntries()).toEqual({});
    } else {
      const entries = await until(
        () => o.probe.registryEntries(),
        (e) => (e[style] ?? 0) >= 10,
      );
      expect(Object.keys(entries).sort()).toEqual([style, 'netgov-lens-focus'].sort());
      await hoverTerm(o.page, o.probe, 'ICANN');
      // Broken settings written while the page is open change nothing for the worse.
      await serviceWorker.evaluate(() => chrome.storage.sync.set({ settings: { enabled: 'no', highlightStyle: {} } }));
      await o.page.waitForTimeout(400);
      expect((await o.probe.registryEntries())['netgov-lens-dotted']).toBeGreaterThanOrEqual(10);
    }
    expect(watch.report()).toEqual(NO_ERRORS);
    await close(o);
  });
}
