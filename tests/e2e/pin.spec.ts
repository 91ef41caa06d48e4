// A popover that stays (WCAG 1.4.13): pinned, it keeps its place in the viewport while the page scrolls and
// the pointer goes elsewhere, docks to a corner, moves by dragging its header or by the keyboard, and stays
// until closed; Escape closes it with the focus in the page. Unpinned, it follows and closes with its term.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  expect,
  highlightedRanges,
  popover,
  popoverSettled,
  resetSettings,
  test,
  waitForHighlights,
} from './fixtures.js';

const VIEWPORT = { width: 1280, height: 800 };
const SHOTS = `${process.env.NETGOV_TEST_OUTPUT ?? 'test-results'}/shots`;
/** Longer than the pointer's close grace period (350 ms in pointer-intent.ts): a close that was due has happened. */
const PAST_CLOSE_GRACE_MS = 800;

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

/** The demo article, made long enough to scroll 2000 px, with the pointer resting on "IANA transition". */
async function openTerm(page: Page, url: string): Promise<{ x: number; y: number; width: number; height: number }> {
  await page.setViewportSize(VIEWPORT);
  await page.goto(`${url}/fixtures/demo-article.html`);
  await waitForHighlights(page, 5);
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '4000px';
    document.body.append(spacer);
  });
  const target = (await highlightedRanges(page)).find((r) => r.text === 'IANA transition');
  expect(target).toBeTruthy();
  const t = target as NonNullable<typeof target>;
  await page.mouse.move(1, 1);
  await page.mouse.move(t.x + 6, t.y + t.height / 2);
  // Shown, not only rendered: the popover is rendered hidden while the pointer rests, before the delay ends.
  await expect(popover(page)).toBeVisible();
  await expect(popover(page).locator('h2')).toHaveText('IANA transition');
  await popoverSettled(page);
  return t;
}

const mode = (page: Page) =>
  page.evaluate(
    () =>
      (document.querySelector('[data-netgov-lens-host]')?.shadowRoot?.querySelector('.frame') as HTMLElement)?.dataset
        .mode,
  );

async function box(page: Page) {
  const b = await popover(page).boundingBox();
  expect(b).toBeTruthy();
  return b as NonNullable<typeof b>;
}

const pinButton = (page: Page) => popover(page).getByRole('button', { name: 'Keep open (pin)' });

test('pinned, it docks bottom right and stays there while the page scrolls 2000 px and the pointer leaves; Escape closes', async ({
  extContext,
  server,
}) => {
  const page = await extContext.newPage();
  await openTerm(page, server.url);
  await pinButton(page).click();
  await expect(pinButton(page)).toHaveAttribute('aria-pressed', 'true');
  expect(await mode(page)).toBe('pinned');
  const pinned = await box(page);
  expect(Math.abs(pinned.x + pinned.width - (VIEWPORT.width - 8))).toBeLessThanOrEqual(1);
  expect(Math.abs(pinned.y + pinned.height - (VIEWPORT.height - 8))).toBeLessThanOrEqual(1);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).include('[data-netgov-lens-host]').analyze();
    expect(axe.violations.map((v) => `${scheme} ${v.id}: ${v.help}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${SHOTS}/pin-docked.png` });
  // The page scrolls by 2000 px: the term is far out of view; the popover is where it was.
  await page.evaluate(() => scrollBy(0, 2000));
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(2000);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(popover(page)).toBeVisible();
  expect(await box(page)).toEqual(pinned);
  // The pointer leaves it and presses in the page: it stays.
  await page.mouse.move(200, 300);
  await page.mouse.click(200, 300);
  await page.waitForTimeout(PAST_CLOSE_GRACE_MS);
  await expect(popover(page)).toBeVisible();
  expect(await box(page)).toEqual(pinned);
  // Escape with the focus in the page (the click above put it there) closes it.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(popover(page)).toBeHidden();
  await page.close();
});

test('pinned, it moves by the drag delta of its header, by arrow keys on its move handle, and to the next corner', async ({
  extContext,
  server,
}) => {
  const page = await extContext.newPage();
  await openTerm(page, server.url);
  await pinButton(page).click();
  const start = await box(page);
  // Drag by the header, beside the title.
  const header = await popover(page).locator('.header').boundingBox();
  const grab = { x: (header?.x ?? 0) + (header?.width ?? 0) / 2, y: (header?.y ?? 0) + 6 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x - 300, grab.y - 200, { steps: 5 });
  await page.mouse.up();
  const dragged = await box(page);
  expect(Math.abs(dragged.x - (start.x - 300))).toBeLessThanOrEqual(1);
  expect(Math.abs(dragged.y - (start.y - 200))).toBeLessThanOrEqual(1);
  // Keyboard: the move handle moves it 16 px per arrow key, 64 px with Shift.
  const move = popover(page).getByRole('button', { name: /^Move/ });
  await move.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowUp');
  const moved = await box(page);
  expect(Math.abs(moved.x - (dragged.x - 16))).toBeLessThanOrEqual(1);
  expect(Math.abs(moved.y - (dragged.y - 64))).toBeLessThanOrEqual(1);
  // A click on the handle (moving without dragging) docks it to the next corner: bottom left.
  await move.click();
  const corner = await box(page);
  expect(Math.abs(corner.x - 8)).toBeLessThanOrEqual(1);
  expect(Math.abs(corner.y + corner.height - (VIEWPORT.height - 8))).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `${SHOTS}/pin-bottom-left.png` });
  await page.close();
});

test('unpinned again it returns to its term, and still closes when the term scrolls away', async ({
  extContext,
  server,
}) => {
  const page = await extContext.newPage();
  const term = await openTerm(page, server.url);
  // By the keyboard, so that the pointer stays on the term.
  await pinButton(page).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => mode(page)).toBe('pinned');
  await page.keyboard.press('Enter');
  await expect(pinButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => mode(page)).toBe('');
  const back = await box(page);
  // Below the term again (the arrow's gap), starting at it.
  expect(Math.abs(back.y - (term.y + term.height + 10))).toBeLessThanOrEqual(2);
  expect(Math.abs(back.x - term.x)).toBeLessThanOrEqual(2);
  await page.evaluate(() => scrollBy(0, 2000));
  await expect(popover(page)).toBeHidden();
  await page.close();
});
