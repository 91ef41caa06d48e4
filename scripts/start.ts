// npm start: serves the bundled demo article on 127.0.0.1 and opens Chromium with the extension loaded.
// Without a display it runs headless, hovers a term, saves a screenshot of the open popover and exits.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { projectRoot } from './dictionary-build.js';
import { waitForPopoverThroughCdp } from './lib/cdp-popover.js';
import { buildDir } from './lib/shadow-variant.js';
import { startServer } from './lib/static-server.js';

function findBrowser(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not on PATH
    }
  }
  throw new Error('No Chromium or Chrome found. Install one (Debian: apt-get install chromium) or set CHROME_PATH.');
}

// The shipped build (NETGOV_DIST as for npm run build), closed shadow root and all, as a reader installs it.
const extension = buildDir(process.env.NETGOV_DIST ?? join(projectRoot, 'dist'), 'chrome', 'shipped');
if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`${extension} is missing: run npm run build`);
const server = await startServer({ '/': join(projectRoot, 'tests', 'fixtures', 'pages') });
const demo = `${server.url}/demo-article.html`;
const headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.env.CI === 'true';
mkdirSync(join(projectRoot, '.tmp'), { recursive: true });
const profile = mkdtempSync(join(projectRoot, '.tmp', 'profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: findBrowser(),
  headless,
  viewport: headless ? { width: 1280, height: 900 } : null,
  args: [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-first-run',
    '--disable-sync',
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demo);
console.log(`Demo article: ${demo}`);

if (headless) {
  // Hover the first highlighted term and capture the popover.
  await page.waitForFunction(
    () => ((CSS.highlights.get('netgov-lens-dotted') as unknown as Set<unknown>)?.size ?? 0) > 0,
    null,
    { timeout: 20_000 },
  );
  const point = await page.evaluate(() => {
    const h = CSS.highlights.get('netgov-lens-dotted') as unknown as Set<AbstractRange>;
    for (const r of h) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (!/public core/i.test(range.toString())) continue;
      const rect = range.getClientRects()[0];
      if (rect) return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    return null;
  });
  if (!point) throw new Error('no highlighted term found on the demo article');
  await page.mouse.move(point.x, point.y);
  // The shipped build, as a reader gets it: its popover's shadow root is closed, so only CDP sees it open.
  await waitForPopoverThroughCdp(page);
  await page.waitForTimeout(300); // let the opening animation finish
  const shot = join(projectRoot, '.tmp', 'demo-popover.png');
  await page.screenshot({ path: shot });
  console.log(`No display: ran headless, hovered a term and saved the open popover to ${shot}`);
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
} else {
  console.log('Chromium is open with Netgov Lens loaded. Close the browser window to stop.');
  context.on('close', () => {
    void server.close();
    rmSync(profile, { recursive: true, force: true });
  });
}
