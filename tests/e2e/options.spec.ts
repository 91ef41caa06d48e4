// The options page: term toggles reach open tabs at once, export/reset/import round-trips, corrupt stored
// settings are named, site entries are validated, and the page passes axe in light and dark.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import {
  expect,
  highlightCount,
  highlightedRanges,
  needsCorpus,
  resetSettings,
  setSettings,
  test,
  waitForHighlights,
} from './fixtures.js';

const VERGE = '/corpus/postlight/www.theverge.com.html';
// The net-neutrality aliases that no other term shares ("Open Internet Order" may become "open internet").
const NEUTRALITY = /^(net|network|internet) neutrality$|^neutrality of the net$/i;

/** The stored settings: the synced ones and this device's, as one object. */
async function stored(sw: Worker): Promise<unknown> {
  return sw.evaluate(async () => {
    const sync = (await chrome.storage.sync.get('settings')).settings as Record<string, unknown> | undefined;
    const local = (await chrome.storage.local.get('deviceSettings')).deviceSettings as
      Record<string, unknown> | undefined;
    return sync || local ? { ...sync, ...local } : undefined;
  });
}

async function badge(sw: Worker, tabId: number): Promise<number> {
  return Number(await sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId));
}

async function openOptions(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

test('unchecking a term removes its highlights from an open tab and lowers the badge', async ({
  extContext: context,
  server,
  serviceWorker,
  extensionId,
}) => {
  needsCorpus(VERGE.slice('/corpus/'.length));
  const page = await context.newPage();
  await page.goto(`${server.url}${VERGE}`);
  await waitForHighlights(page, 3);
  const tabId = (await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  )) as number;
  await expect.poll(() => badge(serviceWorker, tabId)).toBeGreaterThanOrEqual(3);
  const badgeBefore = await badge(serviceWorker, tabId);
  const before = await highlightedRanges(page);
  expect(before.some((r) => NEUTRALITY.test(r.text))).toBe(true);

  const options = await context.newPage();
  await openOptions(options, extensionId);
  // One switch per dictionary term, in the terms section (other sections have switches of their own).
  const total = await options.locator('#terms .term-list input[type="checkbox"]').count();
  await expect(options.getByText(`Terms shown: ${total} of ${total}`)).toBeVisible();
  const term = options.getByRole('checkbox', { name: 'Net neutrality', exact: true });
  await expect(term).toBeChecked();
  await term.uncheck();

  await expect.poll(async () => (await highlightedRanges(page)).filter((r) => NEUTRALITY.test(r.text)).length).toBe(0);
  // The re-scan's answers come from the background a moment after the old highlights were cleared.
  await expect.poll(() => highlightCount(page)).toBeGreaterThan(0);
  await expect.poll(() => badge(serviceWorker, tabId)).toBe(badgeBefore - 1);
  await expect(options.getByText(`Terms shown: ${total - 1} of ${total}`)).toBeVisible();
  // Only the difference from the defaults is stored.
  expect(await stored(serviceWorker)).toEqual({ schemaVersion: 1, disabledTerms: ['net-neutrality'] });

  await term.check();
  await expect.poll(async () => (await highlightedRanges(page)).some((r) => NEUTRALITY.test(r.text))).toBe(true);
  expect(await stored(serviceWorker)).toEqual({ schemaVersion: 1 });
  await options.close();
  await page.close();
});

test('term search matches labels and aliases; bulk switches act on one category', async ({
  extContext: context,
  serviceWorker,
  extensionId,
}) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  const search = options.getByRole('searchbox', { name: 'Search terms' });
  // An alias only: "sponsored data" is how Zero rating is also written.
  await search.fill('sponsored data');
  await expect(options.getByRole('status').filter({ hasText: 'Terms matching' })).toHaveText(
    'Terms matching “sponsored data”: 1',
  );
  await expect(options.getByRole('checkbox', { name: 'Zero rating', exact: true })).toBeVisible();
  await expect(options.getByText('as “sponsored data”')).toBeVisible();
  await search.fill('zzzz');
  await expect(options.getByText('No term matches “zzzz”.')).toBeVisible();
  await search.fill('');

  const economy = options.getByRole('group', { name: 'Economy and regulation' });
  const boxes = economy.getByRole('checkbox');
  const n = await boxes.count();
  expect(n).toBeGreaterThan(5);
  await economy.getByRole('button', { name: 'Hide all in Economy and regulation' }).click();
  await expect(economy.getByText(`0 of ${n} shown`)).toBeVisible();
  for (let i = 0; i < n; i++) await expect(boxes.nth(i)).not.toBeChecked();
  await expect
    .poll(async () => ((await stored(serviceWorker)) as { disabledTerms?: string[] }).disabledTerms?.length)
    .toBe(n);
  // Other categories are untouched.
  await expect(options.getByRole('checkbox', { name: 'Net neutrality', exact: true })).toBeChecked();
  await economy.getByRole('button', { name: 'Show all in Economy and regulation' }).click();
  await expect(economy.getByText(`${n} of ${n} shown`)).toBeVisible();
  await expect.poll(() => stored(serviceWorker)).toEqual({ schemaVersion: 1 });
  await options.close();
});

test('every control saves at once', async ({ extContext: context, serviceWorker, extensionId }) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  await options.getByRole('radio', { name: 'When I click a term' }).check();
  await expect(options.getByRole('slider', { name: 'Delay before it opens' })).toBeDisabled();
  await options.getByRole('radio', { name: 'When I rest the pointer on a term' }).check();
  const slider = options.getByRole('slider', { name: 'Delay before it opens' });
  await slider.focus();
  await options.keyboard.press('ArrowRight');
  await options.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('400');
  await expect.poll(() => stored(serviceWorker)).toEqual({ schemaVersion: 1, hoverDelayMs: 400 });
  // The delay belongs to this device: it is kept in storage.local, not synced.
  expect(
    await serviceWorker.evaluate(
      async () =>
        ((await chrome.storage.sync.get('settings')).settings as Record<string, unknown> | undefined)?.hoverDelayMs,
    ),
  ).toBeUndefined();
  await options.getByRole('radio', { name: 'Larger' }).check();
  await expect(options.locator('html')).toHaveAttribute('data-text-size', 'larger');
  await expect.poll(() => stored(serviceWorker)).toEqual({ schemaVersion: 1, hoverDelayMs: 400, textSize: 'larger' });
  await options.screenshot({ path: 'test-results/screenshots/options-larger-text.png', fullPage: false });
  await options.getByRole('radio', { name: 'As the browser' }).check();
  await options.getByRole('radio', { name: 'Only the first occurrence of each term' }).check();
  await options.getByRole('radio', { name: 'Soft background' }).check();
  await expect(options.locator('.style-preview .preview-background').first()).toBeVisible();
  await options.getByRole('combobox', { name: 'Search engine for papers' }).selectOption({ label: 'OpenAlex' });
  await options.getByRole('radio', { name: 'APA' }).check();
  await expect
    .poll(() => stored(serviceWorker))
    .toEqual({
      schemaVersion: 1,
      hoverDelayMs: 400,
      occurrences: 'first',
      highlightStyle: 'background',
      lookupProvider: 'openalex',
      citationFormat: 'apa',
    });
  await options.close();
});

test('export, reset and import round-trip the settings; a bad file changes nothing', async ({
  extContext: context,
  serviceWorker,
  extensionId,
}, testInfo) => {
  const custom = {
    trigger: 'click',
    deniedSites: ['example.org'],
    disabledTerms: ['net-neutrality', 'zero-rating'],
    highlightStyle: 'solid',
    citationFormat: 'apa',
  };
  await setSettings(serviceWorker, custom);
  const options = await context.newPage();
  await openOptions(options, extensionId);
  await expect(options.getByRole('radio', { name: 'When I click a term' })).toBeChecked();
  await expect(options.getByRole('checkbox', { name: 'Zero rating', exact: true })).not.toBeChecked();

  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export settings' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^netgov-lens-settings-\d{4}-\d\d-\d\d\.json$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; settings: Record<string, unknown> };
  expect(exported.format).toBe('netgov-lens-settings');
  expect(exported.settings).toMatchObject(custom);
  await expect(options.getByText(/Exported to netgov-lens-settings-/)).toBeVisible();

  // Reset asks first; Cancel keeps everything.
  await options.getByRole('button', { name: 'Reset to defaults…' }).click();
  await expect(options.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await options.getByRole('button', { name: 'Cancel' }).click();
  expect(await stored(serviceWorker)).toEqual({ schemaVersion: 1, ...custom });
  await options.getByRole('button', { name: 'Reset to defaults…' }).click();
  await options.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(options.getByText('All settings are back to their defaults.')).toBeVisible();
  await expect.poll(() => stored(serviceWorker)).toEqual({ schemaVersion: 1 });
  await expect(options.getByRole('checkbox', { name: 'Zero rating', exact: true })).toBeChecked();
  await expect(options.getByRole('radio', { name: 'When I rest the pointer on a term' })).toBeChecked();

  // A file that is not ours is refused with its reason, and nothing changes.
  const importButton = options.getByRole('button', { name: 'Import settings…' });
  let chooser = await Promise.all([options.waitForEvent('filechooser'), importButton.click()]).then(([c]) => c);
  await chooser.setFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'something-else', settings: { trigger: 'click' } })),
  });
  await expect(options.getByRole('status').filter({ hasText: 'Could not import other.json' })).toContainText(
    'not a Netgov Lens settings file',
  );
  chooser = await Promise.all([options.waitForEvent('filechooser'), importButton.click()]).then(([c]) => c);
  await chooser.setFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'netgov-lens-settings', version: 1, settings: { trigger: 'tap' } })),
  });
  await expect(options.getByRole('status').filter({ hasText: 'Could not import broken.json' })).toContainText(
    '“How an explanation opens” has the value "tap"',
  );
  expect(await stored(serviceWorker)).toEqual({ schemaVersion: 1 });

  chooser = await Promise.all([options.waitForEvent('filechooser'), importButton.click()]).then(([c]) => c);
  await chooser.setFiles(file);
  await expect(options.getByText(`Imported the settings from ${download.suggestedFilename()}.`)).toBeVisible();
  await expect.poll(() => stored(serviceWorker)).toEqual({ schemaVersion: 1, ...custom });
  await expect(options.getByRole('radio', { name: 'When I click a term' })).toBeChecked();
  await expect(options.getByRole('checkbox', { name: 'Zero rating', exact: true })).not.toBeChecked();
  await expect(options.getByRole('list', { name: 'Never annotate these sites' })).toContainText('example.org');
  await options.close();
});

test('corrupt stored settings are named and the others are kept', async ({
  extContext: context,
  serviceWorker,
  extensionId,
}) => {
  await serviceWorker.evaluate(() =>
    chrome.storage.sync.set({ settings: { schemaVersion: 1, trigger: 42, enabled: false } }),
  );
  const options = await context.newPage();
  await openOptions(options, extensionId);
  const notice = options.getByRole('alert').filter({ hasText: 'Some stored settings could not be read' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('listitem')).toHaveText(['How an explanation opens']);
  await expect(options.getByRole('checkbox', { name: 'Show governance terms on web pages' })).not.toBeChecked();
  await expect(options.getByRole('radio', { name: 'When I rest the pointer on a term' })).toBeChecked();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await options.close();
});

test('a bad site gets a message next to its field and nothing else is lost', async ({
  extContext: context,
  serviceWorker,
  extensionId,
}) => {
  const options = await context.newPage();
  await openOptions(options, extensionId);
  const denied = options.getByRole('group', { name: 'Never annotate these sites' });
  const field = denied.getByRole('textbox', { name: 'Add a site to skip' });
  await field.fill('https://www.Example.org/some/page?x=1');
  await field.press('Enter');
  await expect(denied.getByRole('list')).toHaveText(/www\.example\.org/);
  await expect(field).toHaveValue('');

  await field.fill('not a domain!');
  await denied.getByRole('button', { name: 'Add' }).click();
  await expect(denied.getByText('“not a domain!” is not a domain.', { exact: false })).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
  // What was typed stays in the field to be fixed; the list is unchanged.
  await expect(field).toHaveValue('not a domain!');
  await expect(denied.getByRole('listitem')).toHaveCount(1);
  expect(await stored(serviceWorker)).toEqual({ schemaVersion: 1, deniedSites: ['www.example.org'] });

  // Several at once: the good ones are added, the bad one is kept with its reason.
  await field.fill('a.example.net, bad_site, b.example.net');
  await field.press('Enter');
  await expect(denied.getByText('“bad_site” is not a domain.', { exact: false })).toBeVisible();
  await expect(field).toHaveValue('bad_site');
  await expect
    .poll(() => stored(serviceWorker))
    .toEqual({ schemaVersion: 1, deniedSites: ['www.example.org', 'a.example.net', 'b.example.net'] });

  await denied.getByRole('button', { name: 'Remove a.example.net' }).click();
  await expect(denied.getByRole('button', { name: 'Remove b.example.net' })).toBeFocused();
  await denied.getByRole('button', { name: 'Remove b.example.net' }).click();
  await field.fill('news.www.example.org');
  await field.press('Enter');
  await expect(denied.getByText('news.www.example.org is already covered by www.example.org.')).toBeVisible();
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect.poll(() => stored(serviceWorker)).toEqual({ schemaVersion: 1, deniedSites: ['www.example.org'] });

  // Listed mode with no listed site says that nothing is annotated.
  await options.getByRole('radio', { name: 'Only the sites I list' }).check();
  await expect(options.getByText('so no page is annotated at the moment')).toBeVisible();
  await options.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the page passes axe and reads well (${scheme})`, async ({
    extContext: context,
    serviceWorker,
    extensionId,
  }) => {
    await setSettings(serviceWorker, { deniedSites: ['example.org'], disabledTerms: ['zero-rating'], trigger: 42 });
    const options = await context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await openOptions(options, extensionId);
    await options.getByRole('searchbox', { name: 'Search terms' }).fill('neutral');
    const results = await new AxeBuilder({ page: options }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await options.screenshot({ path: `test-results/screenshots/options-${scheme}.png`, fullPage: true });

    // At 200% zoom (a 640 px wide layout) nothing scrolls sideways.
    await options.setViewportSize({ width: 640, height: 900 });
    await options.getByRole('searchbox', { name: 'Search terms' }).fill('');
    expect(await options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    if (scheme === 'light') {
      await options.evaluate(() => window.scrollTo(0, 0));
      await options.screenshot({ path: 'test-results/screenshots/options-narrow.png', fullPage: false });
    }
    await options.close();
  });
}
