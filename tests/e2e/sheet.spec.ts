// Below 600 px wide the popover is a bottom sheet: at 390 × 844 (a phone held upright) it is docked to the
// bottom edge, as wide as the viewport, at most 70% of its height, readable at every text size, scrolling
// inside; the page scrolling behind it does not close it.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  expect,
  highlightedRanges,
  popover,
  popoverSettled,
  resetSettings,
  setSettings,
  test,
  waitForHighlights,
} from './fixtures.js';

const VIEWPORT = { width: 390, height: 844 };
const SHOTS = `${process.env.NETGOV_TEST_OUTPUT ?? 'test-results'}/shots`;

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

/** Opens the demo article at 390 × 844 and rests the pointer on its first term in the top half. */
async function openSheet(page: Page, url: string): Promise<void> {
  await page.setViewportSize(VIEWPORT);
  await page.goto(`${url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 5);
  const target = (await highlightedRanges(page)).find((r) => r.y > 40 && r.y < 400 && r.width > 0);
  expect(target, 'a term in the top half').toBeTruthy();
  await page.mouse.move(1, 1);
  await page.mouse.move(
    (target?.x ?? 0) + Math.min(4, (target?.width ?? 0) / 2),
    (target?.y ?? 0) + (target?.height ?? 0) / 2,
  );
  // Shown, not only rendered: the popover is rendered hidden while the pointer rests, before the delay ends.
  await expect(popover(page)).toBeVisible();
  await expect(popover(page).locator('h2')).not.toHaveText(/^$|Loading/);
  await popoverSettled(page);
}

function sheetGeometry(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-netgov-lens-host]')?.shadowRoot;
    const frame = root?.querySelector('.frame') as HTMLElement;
    const pop = root?.querySelector('.popover') as HTMLElement;
    const rect = (el: Element | null | undefined) => {
      const r = el?.getBoundingClientRect();
      return r
        ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height }
        : null;
    };
    return {
      mode: frame.dataset.mode,
      frame: rect(frame),
      popover: rect(pop),
      close: rect(root?.querySelector('.close')),
      title: rect(root?.querySelector('h2')),
      titleSize: parseFloat(getComputedStyle(root?.querySelector('h2') as Element).fontSize),
      arrowShown: getComputedStyle(root?.querySelector('.arrow') as Element).display !== 'none',
      scrollHeight: pop.scrollHeight,
      clientHeight: pop.clientHeight,
      scrollTop: pop.scrollTop,
    };
  });
}

test('at 390 × 844 the popover is a bottom sheet that fits, at every text size, light and dark; screenshots', async ({
  extContext,
  server,
  serviceWorker,
}) => {
  const page = await extContext.newPage();
  const sizes: number[] = [];
  for (const textSize of ['small', 'default', 'large', 'larger'] as const) {
    await setSettings(serviceWorker, { textSize });
    for (const scheme of textSize === 'default' || textSize === 'larger'
      ? (['light', 'dark'] as const)
      : (['light'] as const)) {
      await page.emulateMedia({ colorScheme: scheme });
      await openSheet(page, server.url);
      const g = await sheetGeometry(page);
      expect(g.mode).toBe('sheet');
      expect(g.arrowShown).toBe(false);
      const f = g.frame as NonNullable<typeof g.frame>;
      // Docked to the bottom edge, the full width, at most 70% of the height (plus rounding).
      expect(f.left).toBeGreaterThanOrEqual(0);
      expect(f.right).toBeLessThanOrEqual(VIEWPORT.width);
      expect(f.width).toBeGreaterThanOrEqual(VIEWPORT.width - 1);
      expect(Math.abs(f.bottom - VIEWPORT.height)).toBeLessThanOrEqual(1);
      expect(f.top).toBeGreaterThanOrEqual(VIEWPORT.height * 0.3 - 1);
      // The popover itself (what scrolls) ends at the viewport's bottom edge too, not below it.
      const p = g.popover as NonNullable<typeof g.popover>;
      expect(p.top).toBeGreaterThanOrEqual(f.top);
      expect(p.bottom).toBeLessThanOrEqual(VIEWPORT.height + 1);
      // The title and the close button are inside the sheet and the viewport.
      const close = g.close as NonNullable<typeof g.close>;
      const title = g.title as NonNullable<typeof g.title>;
      expect(close.right).toBeLessThanOrEqual(VIEWPORT.width);
      expect(close.top).toBeGreaterThanOrEqual(f.top);
      expect(close.width).toBeGreaterThanOrEqual(24);
      expect(title.left).toBeGreaterThanOrEqual(f.left);
      expect(title.right).toBeLessThanOrEqual(close.left);
      sizes.push(g.titleSize);
      // Accessible as a sheet too, at this size and in this scheme (contrast, names, target sizes).
      const axe = await new AxeBuilder({ page }).include('[data-netgov-lens-host]').analyze();
      expect(axe.violations.map((v) => `${textSize}/${scheme} ${v.id}: ${v.help}`)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/sheet-390x844-${textSize}-${scheme}.png` });
      await page.keyboard.press('Escape');
      await expect(popover(page)).toBeHidden();
    }
  }
  // The text size setting still scales the sheet's text.
  expect(sizes[sizes.length - 1]).toBeGreaterThan((sizes[0] ?? 0) * 1.4);
  await page.close();
});

test('a long sheet scrolls inside; the page scrolling behind it does not close it; Escape does', async ({
  extContext,
  server,
}) => {
  const page = await extContext.newPage();
  await openSheet(page, server.url);
  // Open every position: more than the sheet can show.
  const closed = popover(page).locator('.stance-toggle[aria-expanded="false"]');
  while ((await closed.count()) > 0) await closed.first().click();
  const g = await sheetGeometry(page);
  expect(g.scrollHeight).toBeGreaterThan(g.clientHeight);
  expect(g.frame && g.frame.top).toBeGreaterThanOrEqual(VIEWPORT.height * 0.3 - 1);
  const pageY = await page.evaluate(() => window.scrollY);
  const f = g.frame as NonNullable<typeof g.frame>;
  await page.mouse.move(f.left + f.width / 2, f.top + f.height / 2);
  await page.mouse.wheel(0, 300);
  await expect.poll(async () => (await sheetGeometry(page)).scrollTop).toBeGreaterThan(0);
  // The sheet scrolled, not the page.
  expect(await page.evaluate(() => window.scrollY)).toBe(pageY);
  await page.screenshot({ path: `${SHOTS}/sheet-390x844-scrolled.png` });
  // The page scrolls far behind it (the term goes out of view): the sheet stays.
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '4000px';
    document.body.append(spacer);
    scrollBy(0, 2000);
  });
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(pageY + 1000);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(popover(page)).toBeVisible();
  expect((await sheetGeometry(page)).mode).toBe('sheet');
  // Escape with the focus in the page closes it.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
  await expect(popover(page)).toBeHidden();
  await page.close();
});

for (const motion of ['no-preference', 'reduce'] as const) {
  test(`a sheet opened over its own term scrolls the page to show the term above it (motion: ${motion}); no grab handle`, async ({
    extContext,
    server,
  }) => {
    const page = await extContext.newPage();
    await page.emulateMedia({ reducedMotion: motion });
    await page.setViewportSize(VIEWPORT);
    await page.goto(`${server.url}/fixtures/demo-article.html`);
    await waitForHighlights(page, 5);
    // A term in the lower part of the screen, where the sheet (up to 70 % of the height) will be.
    const target = (await highlightedRanges(page)).find(
      (r) => r.y > VIEWPORT.height * 0.75 && r.y < VIEWPORT.height - 30 && r.width > 0,
    );
    expect(target, 'a term low on the screen').toBeTruthy();
    const before = await page.evaluate(() => scrollY);
    await page.mouse.move(1, 1);
    await page.mouse.move(
      (target?.x ?? 0) + Math.min(4, (target?.width ?? 0) / 2),
      (target?.y ?? 0) + (target?.height ?? 0) / 2,
    );
    await expect(popover(page).locator('h2')).not.toHaveText(/^$|Loading/);
    await popoverSettled(page);
    // The term (same text, now higher up) ends above the sheet's top edge.
    await expect
      .poll(async () => {
        const top = (await sheetGeometry(page)).frame?.top ?? 0;
        const moved = await page.evaluate(() => scrollY);
        const term = (await highlightedRanges(page)).find(
          (r) => r.text === target?.text && Math.abs(r.y + moved - before - (target?.y ?? 0)) < 2,
        );
        return term ? term.y + term.height <= top : false;
      })
      .toBe(true);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(before);
    expect((await sheetGeometry(page)).mode).toBe('sheet');
    // The sheet's header shows no handle that looks draggable.
    const handle = await page.evaluate(() => {
      const header = document.querySelector('[data-netgov-lens-host]')?.shadowRoot?.querySelector('.header');
      return header ? getComputedStyle(header, '::before').content : 'no header';
    });
    expect(handle).toBe('none');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/sheet-390x844-revealed-${motion}-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${SHOTS}/sheet-390x844-revealed-${motion}-light.png` });
    await page.close();
  });
}
