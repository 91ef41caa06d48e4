// Firefox for real: installs dist/firefox as a temporary add-on in Firefox ESR through puppeteer-core
// (Playwright cannot drive stock Firefox) and checks highlights and the hover popover on the demo article.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { startServer, type StaticServer } from '../../scripts/lib/static-server.js';
import { DIST, ROOT } from './fixtures.js';
import { expect, test } from '@playwright/test';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'netgov-lens@netgov-lens.org';

test.describe('Firefox ESR', () => {
  test.skip(
    !existsSync(FIREFOX) && process.env.CI !== 'true',
    `Firefox not found at ${FIREFOX} (apt-get install firefox-esr)`,
  );

  let browser: Browser;
  let server: StaticServer;

  test.beforeAll(async () => {
    server = await startServer({ '/fixtures/': join(ROOT, 'tests', 'fixtures', 'pages') });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: '5d3c1e52-7a0f-4b8e-9a43-2f3f6c1d9e11' }),
        // Keep Firefox offline apart from 127.0.0.1.
        'network.proxy.type': 0,
        'browser.safebrowsing.enabled': false,
        'app.update.enabled': false,
      },
    });
    await browser.installExtension(join(DIST, 'firefox'));
  });

  test.afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('highlights the demo article and opens the popover on hover', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/fixtures/demo-article.html`);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await page.waitForFunction(
      () => ((CSS.highlights.get('netgov-lens-dotted') as unknown as Set<unknown>)?.size ?? 0) >= 10,
      {
        timeout: 20_000,
      },
    );
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    const point = await page.evaluate(() => {
      for (const r of CSS.highlights.get('netgov-lens-dotted') as unknown as Set<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== 'ICANN') continue;
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }
      return null;
    });
    expect(point).toBeTruthy();
    await page.mouse.move((point?.x ?? 0) - 30, (point?.y ?? 0) - 30);
    await page.mouse.move(point?.x ?? 0, point?.y ?? 0);
    const title = await page.waitForSelector('pierce/.popover h2', { timeout: 10_000 });
    await page.waitForFunction(
      () => document.querySelector('netgov-lens-ui')?.shadowRoot?.querySelector('h2')?.textContent === 'ICANN',
    );
    expect(await title?.evaluate((el) => el.textContent)).toBe('ICANN');
    await page.waitForFunction(() =>
      (document.querySelector('netgov-lens-ui')?.shadowRoot?.getAnimations() ?? []).every(
        (a) => a.playState === 'finished',
      ),
    );
    mkdirSync(join(ROOT, 'test-results', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'screenshots', 'firefox-popover.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
