// The vertical slice on the demo article: highlights without DOM changes, a readable popover on hover,
// the badge count, and the global switch in options.
import {
  expect,
  highlightCount,
  highlightedRanges,
  popover,
  popoverSettled,
  resetSettings,
  serializeDom,
  test,
  waitForHighlights,
} from './fixtures.js';

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

test('annotates the demo article without changing its DOM', async ({ extContext: context, server }) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/fixtures/demo-article.html`, { waitUntil: 'domcontentloaded' });
  const before = await serializeDom(page);
  const n = await waitForHighlights(page, 10);
  const texts = (await highlightedRanges(page)).map((r) => r.text);
  for (const expected of [
    'IANA transition',
    'Internet Governance Forum',
    'multistakeholder model',
    'multi-stakeholder',
    'internet governance',
    'cyber sovereignty',
    'ICANN',
    'public core of the internet',
    'Budapest Convention on cybercrime',
    'GDPR',
    'Net neutrality',
  ]) {
    expect(texts, `expected "${expected}" among ${texts.join(' | ')}`).toContain(expected);
  }
  expect(n).toBeGreaterThanOrEqual(15);
  expect(await serializeDom(page)).toBe(before);
  expect(errors).toEqual([]);
  await page.close();
});

test('hovering a term opens a popover with its positions', async ({ extContext: context, server }) => {
  const page = await context.newPage();
  await page.goto(`${server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  const target = (await highlightedRanges(page)).find((r) => r.text === 'public core of the internet');
  expect(target).toBeTruthy();
  await page.mouse.move((target?.x ?? 0) + 20, (target?.y ?? 0) + (target?.height ?? 0) / 2);
  const pop = popover(page);
  await expect(pop).toBeVisible();
  await expect(pop.locator('h2')).toHaveText('Public core of the internet');
  await expect(pop.locator('.position')).toHaveCount(3);
  await expect(pop).toContainText('Broeders');
  await popoverSettled(page);
  await page.screenshot({ path: 'test-results/screenshots/popover-demo.png' });
  // The popover lies inside the viewport.
  const box = await pop.boundingBox();
  const vp = page.viewportSize();
  expect(
    box && vp && box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height + 1,
  ).toBeTruthy();
  await page.close();
});

test('the badge shows the number of distinct terms', async ({ extContext: context, server, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(`${server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  const tabId = await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  await expect
    .poll(async () => serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id as number }), tabId), {
      timeout: 10_000,
    })
    .toMatch(/^[1-9]\d*$/);
  const badge = Number(
    await serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id as number }), tabId),
  );
  const distinct = new Set((await highlightedRanges(page)).map((r) => r.text.toLowerCase())).size;
  expect(badge).toBeGreaterThanOrEqual(10);
  expect(badge).toBeLessThanOrEqual(distinct);
  await page.close();
});

test('switching off in options removes all highlights on the open tab', async ({
  extContext: context,
  server,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(`${server.url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const toggle = options.getByRole('checkbox', { name: /show governance terms/i });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect.poll(() => highlightCount(page)).toBe(0);
  expect(await page.locator('netgov-lens-ui').count()).toBe(0);
  await toggle.check();
  await expect.poll(() => highlightCount(page)).toBeGreaterThan(10);
  await options.close();
  await page.close();
});

// Pages are matched by the background's match service (src/background/match-service.ts): no copy of the
// compiled dictionary in storage.local, whose earlier builds' copy is removed on update.
test('pages are matched by the background, with no copy of the dictionary in storage', async ({
  extContext: context,
  server,
  serviceWorker,
}) => {
  const stored = () => serviceWorker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)));
  expect(await stored()).not.toContain('compiledMatcher');
  const page = await context.newPage();
  await page.goto(`${server.url}/fixtures/demo-article.html`);
  expect(await waitForHighlights(page, 10)).toBeGreaterThanOrEqual(15);
  // The page's own context holds no matcher: the content script asks the background for every batch.
  expect(await stored()).not.toContain('compiledMatcher');
  await page.close();
});
