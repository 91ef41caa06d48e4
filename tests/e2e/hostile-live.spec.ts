// Pages that change under the extension after load: editability, React re-renders, replaced bodies and
// documents, rapid SPA navigation (hostile-helpers.ts).
import { NO_ERRORS, until } from '../fixtures/pages/hostile/harness.js';
import { buildReactFixture } from '../fixtures/pages/hostile/react/build.js';
import { expect, popover } from './fixtures.js';
import { close, hoverTerm, open, settleTo, test, texts, watch } from './hostile-helpers.js';

// Regression: a region made contenteditable after the scan loses its highlights (live.ts observes the attribute).
test('a region made editable after load loses its highlights', async ({ extContext, server, extensionId }) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/editable.html`, extensionId);
  await until(
    () => o.probe.highlights(),
    (h) => h.some((x) => x.within === 'later'),
  );
  await o.probe.runInPage(() => (window as unknown as { makeLaterEditable: () => void }).makeLaterEditable());
  await until(
    () => o.probe.highlights(),
    (h) => !h.some((x) => x.within === 'later'),
    3000,
  );
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

// Regression: a document switched to designMode after load loses its highlights (controller.ts).
test('a document switched to designMode after load loses its highlights', async ({
  extContext,
  server,
  extensionId,
}) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/editable.html`, extensionId);
  await until(
    () => o.probe.highlightCount(),
    (n) => n >= 4,
  );
  await o.probe.runInPage(() => (window as unknown as { enterDesignMode: () => void }).enterDesignMode());
  await until(
    () => o.probe.highlightCount(),
    (n) => n === 0,
    3000,
  );
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

test('a React app hydrates, re-renders, re-keys and unmounts the annotated subtree without errors', async ({
  extContext,
  server,
  extensionId,
}) => {
  const { html, script } = await buildReactFixture();
  const appLog: string[] = [];
  const o = await open(extContext, `${server.url}/fixtures/hostile/react/index.html`, extensionId, async (page) => {
    page.on('console', (m) => m.text().startsWith('[fixture]') && appLog.push(m.text()));
    await page.route(`${server.url}/fixtures/hostile/react/index.html`, (r) =>
      r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
    );
    await page.route(`${server.url}/fixtures/hostile/react/client.js`, (r) =>
      r.fulfill({ body: script, contentType: 'text/javascript; charset=utf-8' }),
    );
  });
  const story = ['Data localisation laws', 'ICANN', 'Net neutrality', 'multistakeholder model'];
  const settle = (expected: string[]) => settleTo(o.probe, expected);
  // The server HTML is annotated first; React then hydrates over it.
  await settle(story);
  await o.page.evaluate(() => window.hydrateNow());
  await expect.poll(() => appLog).toEqual(['[fixture] hydrated']);
  await settle(story);
  for (const step of ['rerender', 'reverse', 'rekey', 'rerender']) {
    await o.page.getByRole('button', { name: step, exact: true }).click();
    await expect.poll(() => appLog.at(-1)).toBe(`[fixture] ${step}`);
    await settle(story);
  }
  expect(await o.page.locator('#counter').textContent()).toBe('Update 2: the multistakeholder model holds.');
  await o.page.getByRole('button', { name: 'toggle' }).click();
  await expect(o.page.locator('#placeholder')).toBeVisible();
  await settle([]);
  await o.page.getByRole('button', { name: 'toggle' }).click();
  await settle(story);
  await hoverTerm(o.page, o.probe, 'ICANN');
  // React logs nothing but the app's own steps: no hydration mismatch, no removeChild/insertBefore error.
  expect(appLog).toEqual([
    '[fixture] hydrated',
    '[fixture] rerender',
    '[fixture] reverse',
    '[fixture] rekey',
    '[fixture] rerender',
    '[fixture] toggle',
  ]);
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

test('the page replaces document.body', async ({ extContext, server, extensionId }) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/replace-body.html`, extensionId);
  await until(
    () => texts(o.probe),
    (t) => t.length >= 2,
  );
  await hoverTerm(o.page, o.probe, 'ICANN');
  await o.probe.runInPage(() => (window as unknown as { replaceBody: () => void }).replaceBody());
  await expect(popover(o.page)).toBeHidden();
  await settleTo(o.probe, ['mass surveillance', 'multistakeholder model']);
  expect((await o.probe.highlights()).every((h) => h.within === 'new')).toBe(true);
  // Our host stayed under <html>, outside the replaced body, and still works.
  await hoverTerm(o.page, o.probe, 'mass surveillance');
  expect(await o.page.evaluate(() => document.querySelector('netgov-lens-ui')?.parentElement?.tagName)).toBe('HTML');
  expect(await o.page.locator('h1').textContent()).toBe('Second edition');
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

// document.open() erases every event listener on the document and its window, the content script's too.
// The MutationObserver survives it, so the controller re-binds input as soon as it sees the document's
// children replaced (not only after the rescan's throttled results, which came after this hover), and the
// popover host, detached with the old <html>, is created again on the next open.
test('the page rewrites itself with document.open/write', async ({ extContext, server, extensionId }) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/replace-body.html`, extensionId);
  await until(
    () => texts(o.probe),
    (t) => t.length >= 2,
  );
  await hoverTerm(o.page, o.probe, 'ICANN');
  await o.probe.runInPage(() => (window as unknown as { rewriteDocument: () => void }).rewriteDocument());
  await expect(o.page.locator('h1')).toHaveText('Third edition');
  await settleTo(o.probe, ['data localisation', 'internet governance']);
  await hoverTerm(o.page, o.probe, 'data localisation');
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});

test('rapid SPA navigation: history.pushState with content swaps, then back', async ({
  extContext,
  server,
  extensionId,
}) => {
  const o = await open(extContext, `${server.url}/fixtures/hostile/spa.html`, extensionId);
  await until(
    () => texts(o.probe),
    (t) => JSON.stringify(t) === JSON.stringify(['IANA transition', 'ICANN']),
  );
  const navigate = (count: number, gap: number) =>
    o.probe.runInPage(
      (a: number[]) =>
        (window as unknown as { navigateRapidly: (c: number, g: number) => Promise<number> }).navigateRapidly(
          a[0] as number,
          a[1] as number,
        ),
      [count, gap],
    );
  // 50 route changes in one task, then 50 more, one every 10 ms (faster than the live-update batch).
  await navigate(50, 0);
  await navigate(50, 10);
  expect(await o.page.evaluate(() => location.search)).toBe('?view=50');
  await settleTo(o.probe, ['IANA transition', 'ICANN']);
  // Back: the router renders view 49 (the fifth article) from popstate.
  await o.page.goBack();
  expect(await o.page.evaluate(() => location.search)).toBe('?view=49');
  await settleTo(o.probe, ['Mass surveillance', 'Snowden revelations']);
  expect(await o.page.evaluate(() => (window as unknown as { renders: number }).renders)).toBe(102);
  await hoverTerm(o.page, o.probe, 'Mass surveillance');
  expect(watch.report()).toEqual(NO_ERRORS);
  await close(o);
});
