// The reader's own terms: added in options, found on an open tab without a reload, shown as theirs.
import { expect, highlightedRanges, popover, resetSettings, test, waitForHighlights } from './fixtures.js';

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
  await serviceWorker.evaluate(() => chrome.storage.local.remove('personalTerms'));
});

test('a term added in options is found on an open tab and opens its own popover', async ({
  extContext,
  server,
  extensionId,
}) => {
  const page = await extContext.newPage();
  await page.goto(`${server.url}/fixtures/personal.html`);
  await waitForHighlights(page, 2);
  expect((await highlightedRanges(page)).map((r) => r.text)).not.toContain('data embassy');

  const options = await extContext.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#my-terms`);
  await options.getByRole('button', { name: 'Add a term' }).click();
  await options.getByLabel('Name', { exact: true }).fill('Data embassy');
  // A form the dictionary already has is refused with a message, and nothing typed is lost.
  await options.getByLabel('Forms to find', { exact: true }).fill('data embassy\nICANN');
  await options
    .getByLabel('Note', { exact: true })
    .fill('Copies of state registries kept abroad: whose law protects them?');
  await options.getByLabel('Links to papers', { exact: true }).fill('https://example.org/data-embassy');
  await options.getByRole('button', { name: 'Save term' }).click();
  await expect(options.getByRole('alert')).toContainText('“ICANN” is already a form of “ICANN”');
  await expect(options.getByLabel('Note', { exact: true })).toHaveValue(/Copies of state registries/);
  await options.getByLabel('Forms to find', { exact: true }).fill('data embassy\nX-Road');
  await options.getByRole('button', { name: 'Save term' }).click();
  await expect(options.getByText('Added “Data embassy”.')).toBeVisible();
  await options.screenshot({ path: 'test-results/screenshots/options-my-terms.png', fullPage: false });

  await page.bringToFront();
  await expect
    .poll(async () => (await highlightedRanges(page)).map((r) => r.text).sort())
    .toEqual(['DNS', 'ICANN', 'X-Road', 'data embassy']);
  const target = (await highlightedRanges(page)).find((r) => r.text === 'data embassy');
  await page.mouse.move(1, 1);
  await page.mouse.move((target?.x ?? 0) + 10, (target?.y ?? 0) + (target?.height ?? 0) / 2);
  const pop = popover(page);
  await expect(pop.locator('h2')).toHaveText('Data embassy');
  await expect(pop.locator('.category')).toHaveText('Your own term');
  await expect(pop).toContainText('Copies of state registries kept abroad');
  await expect(pop.getByRole('link', { name: /Open paper/ })).toHaveAttribute(
    'href',
    'https://example.org/data-embassy',
  );
  await page.screenshot({ path: 'test-results/screenshots/popover-my-term.png' });

  // Switched off in options: its highlights go, the dictionary's stay.
  await options.bringToFront();
  await options.getByRole('checkbox', { name: /Data embassy/ }).uncheck();
  await expect.poll(async () => (await highlightedRanges(page)).map((r) => r.text).sort()).toEqual(['DNS', 'ICANN']);
  await options.close();
  await page.close();
});
