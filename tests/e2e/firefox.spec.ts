// Firefox for real: installs dist/firefox as a temporary add-on in Firefox ESR through puppeteer-core
// (Playwright cannot drive stock Firefox) and checks highlights and the hover popover on the demo article.
// The rest of the Firefox suite is in tests/e2e/firefox/ (shared launcher: tests/e2e/firefox-helpers.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import {
  type FirefoxSession,
  hover,
  firefoxTest as test,
  forSharedFirefoxFile,
  needsFirefox,
  newTab,
  popoverSettled,
  popoverTitle,
  ROOT,
  serializeDom,
  waitForHighlights,
} from './firefox-helpers.js';

test.describe('Firefox ESR', () => {
  needsFirefox();

  let s: FirefoxSession;
  test.beforeAll(async ({ firefox }) => {
    s = await forSharedFirefoxFile(firefox);
  });

  test('highlights the demo article and opens the popover on hover', async () => {
    const page = await newTab(s.browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${s.server.url}/fixtures/demo-article.html`);
    const before = await serializeDom(page);
    expect(await waitForHighlights(page, 10)).toBeGreaterThanOrEqual(10);
    expect(await serializeDom(page)).toBe(before);
    await hover(page, 'ICANN');
    expect(await popoverTitle(page)).toBe('ICANN');
    await popoverSettled(page);
    mkdirSync(join(ROOT, 'test-results', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'screenshots', 'firefox-popover.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
