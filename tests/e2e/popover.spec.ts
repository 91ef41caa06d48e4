// The popover as a reader uses it: content, lookups, copy, related terms, hide, glossary, keyboard,
// accessibility and dark mode.
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import {
  expect,
  highlightCount,
  corpusHas,
  highlightedRanges,
  hoverHighlight as hover,
  needsCorpus,
  popover,
  popoverSettled,
  resetSettings,
  setSettings,
  test,
  waitForHighlights,
} from './fixtures.js';

/** Opens every position of the open popover (they start closed: the spread first, details on demand). */
async function openPositions(page: Page): Promise<void> {
  const closed = popover(page).locator('.stance-toggle[aria-expanded="false"]');
  await expect(closed.first()).toBeVisible();
  while ((await closed.count()) > 0) await closed.first().click();
}

async function activeTabId(sw: Worker): Promise<number> {
  return sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id as number);
}

async function demo(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 10);
}

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

test('the popover rendered while the pointer rests is hidden from the pointer, the focus and assistive technology until it opens', async ({
  extContext,
  server,
  serviceWorker,
}) => {
  await setSettings(serviceWorker, { hoverDelayMs: 2000 });
  const page = await extContext.newPage();
  await demo(page, server.url);
  const target = (await highlightedRanges(page)).find((r) => r.text === 'ICANN');
  expect(target, 'a highlight "ICANN"').toBeTruthy();
  await page.mouse.move(1, 1);
  await page.mouse.move(
    (target?.x ?? 0) + Math.min(6, (target?.width ?? 0) / 2),
    (target?.y ?? 0) + (target?.height ?? 0) / 2,
  );
  const restedAt = Date.now();
  const pop = popover(page);
  // Rendered ahead of the open, with its entry (the delay is 2 s: these checks run well inside it).
  await expect(pop.locator('h2')).toHaveText('ICANN');
  const probe = (): Promise<{ laidOut: boolean; seen: boolean; hit: boolean; focused: boolean; said: string }> =>
    page.evaluate(() => {
      const root = document.querySelector('[data-netgov-lens-host]')?.shadowRoot as ShadowRoot;
      const frame = root.querySelector('.frame') as HTMLElement;
      const box = (root.querySelector('.popover') as HTMLElement).getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      (root.querySelector('button.close') as HTMLElement).focus();
      return {
        laidOut: box.width > 100 && box.height > 20,
        seen: frame.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
        hit: !!hit?.closest('[data-netgov-lens-host]'),
        focused: root.activeElement !== null,
        said: root.querySelector('[role="status"]')?.textContent ?? '',
      };
    });
  expect(await probe()).toEqual({ laidOut: true, seen: false, hit: false, focused: false, said: '' });
  await expect(pop).toBeHidden();
  const cdp = await extContext.newCDPSession(page);
  const dialogs = async (): Promise<number> => {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value: string } }[];
    };
    return nodes.filter((n) => !n.ignored && n.role?.value === 'dialog').length;
  };
  expect(await dialogs()).toBe(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(Date.now() - restedAt, 'checked before the delay ended').toBeLessThan(1800);
  // The delay ends: the same popover is shown, in the accessibility tree, and nothing was announced.
  await expect(pop).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'ICANN' })).toBeVisible();
  expect(await dialogs()).toBe(1);
  await page.close();
});

test('shows label, category, definition and 2-4 attributed positions with citations', async ({
  extContext,
  server,
}) => {
  const page = await extContext.newPage();
  await demo(page, server.url);
  await hover(page, 'ICANN');
  const pop = popover(page);
  await expect(pop.locator('h2')).toHaveText('ICANN');
  await expect(pop.locator('.category')).toHaveText('Institutions and fora');
  await expect(pop.locator('.definition')).toContainText('Internet Corporation for Assigned Names and Numbers');
  const positions = await pop.locator('.position').count();
  expect(positions).toBeGreaterThanOrEqual(2);
  expect(positions).toBeLessThanOrEqual(4);
  for (let i = 0; i < positions; i++) {
    const p = pop.locator('.position').nth(i);
    await expect(p.locator('.stance')).not.toBeEmpty();
    await expect(p.locator('.holders')).not.toBeEmpty();
    // A position's works show once it is opened.
    await expect(p.locator('.citation').first()).toBeHidden();
    await p.getByRole('button', { expanded: false }).click();
    await expect(p.locator('.citation').first()).toBeVisible();
  }
  await page.close();
});

test('a citation lookup opens the DOI in a new tab next to the page (intercepted)', async ({
  extContext,
  server,
  serviceWorker,
}) => {
  await extContext.route('https://doi.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>doi</title>ok' }),
  );
  const page = await extContext.newPage();
  await demo(page, server.url);
  await hover(page, 'multistakeholder model');
  await openPositions(page);
  const carr = popover(page).locator('.citation', { hasText: 'Carr (2015)' });
  // The new tab's first request is seen (and answered by the route, or refused): nothing reaches the network.
  const request = extContext.waitForEvent('request', (r) => r.url().startsWith('https://doi.org/'));
  const opened = extContext.waitForEvent('page');
  await carr.getByText('Open paper (DOI)').click();
  expect((await request).url()).toBe('https://doi.org/10.1177/0305829814562655');
  const tab = await opened;
  expect(page.url()).toContain('/fixtures/demo-article.html'); // the page itself did not navigate
  // The tab opens right after the reading tab, which is its opener.
  const tabs = await serviceWorker.evaluate(async () =>
    (await chrome.tabs.query({ lastFocusedWindow: true })).map((t) => ({
      id: t.id,
      index: t.index,
      opener: t.openerTabId,
      active: t.active,
    })),
  );
  const created = tabs.find((t) => t.active);
  const reading = tabs.find((t) => t.id === created?.opener);
  expect(reading && created && created.index === reading.index + 1).toBeTruthy();
  await tab.close();
  await extContext.unroute('https://doi.org/**');
  await page.close();
});

test('without a DOI or URL the lookup searches the chosen provider', async ({ extContext, server, serviceWorker }) => {
  await setSettings(serviceWorker, { lookupProvider: 'openalex' });
  await extContext.route('https://**/*', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: 'ok' }),
  );
  const page = await extContext.newPage();
  await demo(page, server.url);
  await hover(page, 'multistakeholder model');
  // The entry arrives from the background after the popover opens: wait for its citations.
  await expect(popover(page).locator('.citation a').nth(2)).toBeAttached();
  // Every citation link is https; those without DOI point at the stable URL.
  const hrefs = await popover(page)
    .locator('.citation a')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.length).toBeGreaterThan(2);
  for (const h of hrefs) expect(h.startsWith('https://')).toBe(true);
  await extContext.unroute('https://**/*');
  await page.close();
});

test('copy puts the exact BibTeX on the clipboard', async ({ extContext, server }) => {
  await extContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await extContext.newPage();
  await demo(page, server.url);
  await hover(page, 'multistakeholder model');
  await openPositions(page);
  const carr = popover(page).locator('.citation', { hasText: 'Carr (2015)' });
  await carr.getByRole('button', { name: 'Copy BibTeX' }).click();
  await expect(carr.getByRole('button', { name: 'Copied' })).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text.startsWith('@article{carr2015powerplays,')).toBe(true);
  expect(text).toContain('doi = {10.1177/0305829814562655}');
  await page.close();
});

test('APA format when chosen', async ({ extContext, server, serviceWorker }) => {
  await setSettings(serviceWorker, { citationFormat: 'apa' });
  await extContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await extContext.newPage();
  await demo(page, server.url);
  await hover(page, 'multistakeholder model');
  await openPositions(page);
  const carr = popover(page).locator('.citation', { hasText: 'Carr (2015)' });
  await carr.getByRole('button', { name: 'Copy APA' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'Carr, M. (2015). Power Plays in Global Internet Governance. Millennium: Journal of International Studies, 43(2), 640–659. https://doi.org/10.1177/0305829814562655',
  );
  await page.close();
});

test('related terms open in place, with a way back', async ({ extContext, server }) => {
  const page = await extContext.newPage();
  await demo(page, server.url);
  await hover(page, 'public core of the internet');
  const pop = popover(page);
  await pop.getByRole('button', { name: 'Cyber norms', exact: true }).click();
  await expect(pop.locator('h2')).toHaveText('Cyber norms');
  await pop.getByRole('button', { name: 'Back' }).click();
  await expect(pop.locator('h2')).toHaveText('Public core of the internet');
  await page.close();
});

test('"Hide this term" removes its highlights at once; "Open in glossary" opens its section', async ({
  extContext,
  server,
  extensionId,
}) => {
  const page = await extContext.newPage();
  await demo(page, server.url);
  const before = await highlightCount(page);
  const icann = (await highlightedRanges(page)).filter((r) => r.text === 'ICANN').length;
  await hover(page, 'ICANN');
  const opened = extContext.waitForEvent('page');
  await popover(page).getByRole('button', { name: 'Open in glossary' }).click();
  const glossary = await opened;
  expect(glossary.url()).toBe(`chrome-extension://${extensionId}/glossary.html#term-icann`);
  await glossary.close();
  await page.bringToFront();
  await hover(page, 'ICANN');
  await popover(page).getByRole('button', { name: 'Hide this term' }).click();
  await expect.poll(() => highlightCount(page)).toBe(before - icann);
  expect((await highlightedRanges(page)).some((r) => r.text === 'ICANN')).toBe(false);
  await page.close();
});

test('keyboard: next-term opens the popover with focus inside; Escape closes and returns focus', async ({
  extContext,
  server,
  serviceWorker,
}) => {
  const page = await extContext.newPage();
  await demo(page, server.url);
  await page.locator('nav a').first().focus();
  const tabId = await activeTabId(serviceWorker);
  const navigate = (direction: 'next' | 'previous') =>
    serviceWorker.evaluate(([id, d]) => chrome.tabs.sendMessage(id as number, { type: 'navigate', direction: d }), [
      tabId,
      direction,
    ] as const);
  await navigate('next');
  const pop = popover(page);
  await expect(pop.locator('h2')).toHaveText('IANA transition');
  await expect
    .poll(() => page.evaluate(() => document.querySelector('netgov-lens-ui')?.shadowRoot?.activeElement?.tagName))
    .toBe('H2');
  await navigate('next');
  await expect(pop.locator('h2')).toHaveText('Internet Governance Forum (IGF)');
  await navigate('previous');
  await expect(pop.locator('h2')).toHaveText('IANA transition');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(pop).toBeHidden();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('World');
  await page.close();
});

test('axe-core finds no violations in the open popover, light and dark; screenshots', async ({
  extContext,
  server,
}) => {
  const page = await extContext.newPage();
  await demo(page, server.url);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await hover(page, 'public core of the internet');
    await popoverSettled(page);
    const result = await new AxeBuilder({ page }).include('netgov-lens-ui').analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/popover-${scheme}.png` });
    await page.keyboard.press('Escape');
  }
  await page.close();
});

test('looks the same on pages with very different styles, inside the viewport', async ({ extContext, server }) => {
  needsCorpus();
  const pages = (
    [
      ['postlight/www.theverge.com.html', 'net neutrality'],
      ['govtext/rpki-faq.html', 'RPKI'],
      ['trafilatura/cache__threatpost.com.android.html', 'ransomware'],
    ] as const
  ).filter(([path]) => corpusHas(path));
  test.skip(pages.length === 0, 'none of its pages is in the corpus');
  for (const [path, text] of pages) {
    const page = await extContext.newPage();
    await page.goto(`${server.url}/corpus/${path}`);
    await waitForHighlights(page, 1);
    await page.evaluate((t) => {
      for (const r of CSS.highlights.get('netgov-lens-dotted') as unknown as Set<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() === t && r.startContainer.parentElement?.checkVisibility()) {
          r.startContainer.parentElement.scrollIntoView({ block: 'center' });
          return;
        }
      }
    }, text);
    await page.waitForTimeout(150);
    const target = (await highlightedRanges(page)).find((r) => r.text === text && r.y > 0 && r.y < 880 && r.width > 0);
    expect(target, `${text} on ${path}`).toBeTruthy();
    await page.mouse.move(1, 1);
    await page.mouse.move((target?.x ?? 0) + 4, (target?.y ?? 0) + (target?.height ?? 0) / 2);
    const pop = popover(page);
    await expect(pop).toBeVisible();
    await popoverSettled(page);
    const style = await pop.evaluate((el) => {
      const cs = getComputedStyle(el);
      const h2 = getComputedStyle(el.querySelector('h2') as Element);
      return { bg: cs.backgroundColor, font: h2.fontFamily, size: h2.fontSize, color: h2.color };
    });
    expect(style.bg).toBe('rgb(255, 255, 255)');
    expect(style.color).toBe('rgb(27, 28, 31)');
    expect(style.font).toContain('system-ui');
    const box = await pop.boundingBox();
    expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 901).toBeTruthy();
    await page.screenshot({ path: `test-results/screenshots/popover-${path.split('/')[1]?.slice(0, 24)}.png` });
    await page.close();
  }
});

test('click mode opens on click, not on hover', async ({ extContext, server, serviceWorker }) => {
  await setSettings(serviceWorker, { trigger: 'click' });
  const page = await extContext.newPage();
  await demo(page, server.url);
  const target = (await highlightedRanges(page)).find((r) => r.text === 'ICANN');
  await page.mouse.move((target?.x ?? 0) + 5, (target?.y ?? 0) + 5);
  await page.waitForTimeout(700);
  await expect(popover(page)).toHaveCount(0);
  await page.mouse.click((target?.x ?? 0) + 5, (target?.y ?? 0) + 5);
  await expect(popover(page).locator('h2')).toHaveText('ICANN');
  await page.close();
});

test('the text size setting scales the popover, and changes apply to an open page', async ({
  extContext,
  server,
  serviceWorker,
}) => {
  const page = await extContext.newPage();
  await demo(page, server.url);
  const frameFontSize = (): Promise<number> =>
    page.evaluate(() => {
      const frame = document.querySelector('[data-netgov-lens-host]')?.shadowRoot?.querySelector('.frame');
      return frame ? parseFloat(getComputedStyle(frame).fontSize) : 0;
    });
  await hover(page, 'ICANN');
  const base = await frameFontSize();
  expect(base).toBeGreaterThan(10);
  await page.keyboard.press('Escape');
  await setSettings(serviceWorker, { textSize: 'larger' });
  await hover(page, 'ICANN');
  await expect.poll(frameFontSize).toBeCloseTo(base * 1.3, 1);
  await popoverSettled(page);
  await page.screenshot({ path: 'test-results/screenshots/popover-larger-text.png' });
  await page.close();
});
