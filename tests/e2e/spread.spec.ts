// The spread first: on real pages of different styles, at 1280 × 800, the hovered term's popover shows its
// definition and every position's stance (with who holds it, and its relation where the editor set one)
// inside the popover's visible box, without scrolling; a stance opens its summary and works in place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { DictionaryData } from '../../src/core/dictionary-data.js';
import {
  corpusHas,
  expect,
  highlightedRanges,
  needsCorpus,
  popover,
  popoverSettled,
  resetSettings,
  ROOT,
  test,
  waitForHighlights,
} from './fixtures.js';

const data = JSON.parse(readFileSync(join(ROOT, 'build', 'generated', 'dictionary.json'), 'utf8')) as DictionaryData;
const byId = new Map(data.terms.map((t) => [t.id, t]));

/** A news site, a governance text rendered as a page, a security blog: each with a term of four positions. */
const PAGES = [
  { path: 'postlight/www.theverge.com.html', text: 'net neutrality', id: 'net-neutrality' },
  { path: 'govtext/hrpc-guidelines.html', text: 'pervasive monitoring', id: 'mass-surveillance' },
  { path: 'trafilatura/cache__threatpost.com.android.html', text: 'cybercriminal', id: 'cybercrime' },
] as const;

test.beforeEach(async ({ serviceWorker }) => {
  await resetSettings(serviceWorker);
});

/** Scrolls a visible highlight starting with `text` (any case: "cybercriminals") to the middle and rests the pointer on it. */
async function hoverTerm(page: Page, text: string): Promise<void> {
  // Centre the term, and again once late images and fonts have moved the page (seen on the Threatpost page).
  for (let pass = 0; pass < 2; pass++) await centre(page, text);
  const target = (await highlightedRanges(page)).find(
    (r) => r.text.toLowerCase().startsWith(text) && r.y > 0 && r.y < 780 && r.width > 0,
  );
  expect(target, `a visible highlight "${text}"`).toBeTruthy();
  await page.mouse.move(1, 1);
  await page.mouse.move((target?.x ?? 0) + 4, (target?.y ?? 0) + (target?.height ?? 0) / 2);
  await expect(popover(page)).toBeVisible();
  await popoverSettled(page);
}

async function centre(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    for (const name of ['netgov-lens-dotted', 'netgov-lens-solid', 'netgov-lens-background']) {
      for (const r of (CSS.highlights.get(name) as unknown as Set<AbstractRange> | undefined) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString().toLowerCase().startsWith(t) && r.startContainer.parentElement?.checkVisibility()) {
          r.startContainer.parentElement.scrollIntoView({ block: 'center' });
          return;
        }
      }
    }
  }, text);
  await page.waitForTimeout(150);
}

/** Where each stance row lies against the popover's visible box, and whether the popover is scrolled. */
async function spreadGeometry(page: Page) {
  return popover(page).evaluate((pop) => {
    const box = pop.getBoundingClientRect();
    // The visible box: the popover's own rectangle, less its border, clipped by the viewport.
    const bottom = Math.min(box.top + pop.clientTop + pop.clientHeight, window.innerHeight);
    const top = Math.max(box.top, 0);
    return {
      scrollTop: pop.scrollTop,
      top,
      bottom,
      definition: (() => {
        const r = pop.querySelector('.definition')?.getBoundingClientRect();
        return r ? { top: r.top, bottom: r.bottom } : null;
      })(),
      rows: [...pop.querySelectorAll('.stance-toggle')].map((b) => {
        const r = b.getBoundingClientRect();
        return {
          top: r.top,
          bottom: r.bottom,
          stance: b.querySelector('.stance')?.textContent ?? '',
          holders: b.querySelector('.holders')?.textContent ?? '',
          relation: b.querySelector('.relation')?.textContent ?? '',
          expanded: b.getAttribute('aria-expanded'),
        };
      }),
    };
  });
}

test('every stance is inside the popover on its first screen, on three kinds of page, light and dark', async ({
  extContext,
  server,
}) => {
  needsCorpus();
  const pages = PAGES.filter((p) => corpusHas(p.path));
  test.skip(pages.length < PAGES.length, `not all of ${PAGES.map((p) => p.path).join(', ')} are in the corpus`);
  for (const { path, text, id } of pages) {
    const entry = byId.get(id);
    expect(entry?.positions.length, id).toBeGreaterThanOrEqual(3);
    const page = await extContext.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/corpus/${path}`);
    await waitForHighlights(page, 1);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await hoverTerm(page, text);
      await expect(popover(page).locator('h2')).toHaveText(entry?.label ?? id);
      await page.screenshot({ path: `test-results/screenshots/spread-${id}-${scheme}.png` });
      const g = await spreadGeometry(page);
      expect(g.scrollTop).toBe(0);
      expect(g.definition && g.definition.top >= g.top && g.definition.bottom <= g.bottom).toBe(true);
      // Every position, in the dictionary's order, each with who holds it and its relation when it has one.
      expect(g.rows.map((r) => r.stance)).toEqual(entry?.positions.map((p) => p.stance));
      for (const [i, row] of g.rows.entries()) {
        const position = entry?.positions[i];
        expect(row.expanded).toBe('false');
        expect(row.holders).toBe(position?.holders.join('; '));
        if (position?.relation) expect(row.relation).toContain(position.relation);
        else expect(row.relation).toBe('');
        expect(row.top, `${id} row ${i} top on ${path}`).toBeGreaterThanOrEqual(g.top);
        expect(row.bottom, `${id} row ${i} bottom on ${path} (${scheme})`).toBeLessThanOrEqual(g.bottom + 0.5);
      }
      const axe = await new AxeBuilder({ page }).include('netgov-lens-ui').analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.mouse.move(1, 1);
    }
    await page.close();
  }
});

test('choosing a stance opens its summary and works in place, and closes again', async ({ extContext, server }) => {
  needsCorpus('postlight/www.theverge.com.html');
  const entry = byId.get('net-neutrality');
  const page = await extContext.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.url}/corpus/postlight/www.theverge.com.html`);
  await waitForHighlights(page, 1);
  await hoverTerm(page, 'net neutrality');
  const pop = popover(page);
  const second = pop.locator('.position').nth(1);
  const toggle = second.getByRole('button', { expanded: false });
  await expect(second.locator('.summary')).toBeHidden();
  await toggle.click();
  await expect(second.getByRole('button', { expanded: true })).toBeVisible();
  await expect(second.locator('.summary')).toHaveText(entry?.positions[1]?.summary ?? '');
  await expect(second.locator('.citation').first()).toBeVisible();
  // The others stay closed: one position is read at a time unless the reader opens more.
  await expect(pop.locator('.position-detail:visible')).toHaveCount(1);
  // The popover stays inside the viewport as it grows.
  const box = await pop.boundingBox();
  expect(box && box.y >= 0 && box.y + box.height <= 801).toBeTruthy();
  // Keyboard: the same button closes it.
  await second.getByRole('button', { expanded: true }).press('Enter');
  await expect(second.locator('.summary')).toBeHidden();
  await page.screenshot({ path: 'test-results/screenshots/spread-closed-again.png' });
  await page.close();
});
