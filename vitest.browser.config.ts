// Unit tests of the content script in a real browser (Debian's Chromium through Playwright): the annotator,
// live updates, hit-testing and the popover host need layout, the Highlight API and shadow DOM, which no
// simulated DOM has. Run by `npm run test:unit` as the "browser" project (vitest.config.ts).
import { readFileSync } from 'node:fs';
import { playwright } from '@vitest/browser-playwright';
import { defineProject, type Plugin } from 'vitest/config';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** CSS imported as text, as the build's esbuild text loader does (the popover inlines it in its shadow root). */
// The module id ends in .js: Vite's own CSS handling claims every id ending in .css.
const PREFIX = '\0css-text:';
const cssAsText: Plugin = {
  name: 'css-as-text',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!source.endsWith('.css') || !importer) return null;
    return `${PREFIX}${new URL(source, `file://${importer}`).pathname}.js`;
  },
  load(id) {
    if (!id.startsWith(PREFIX)) return null;
    const css = readFileSync(id.slice(PREFIX.length, -'.js'.length), 'utf8');
    return `export default ${JSON.stringify(css)};`;
  },
};

export default defineProject({
  plugins: [cssAsText],
  // The popover host's shadow root mode (src/build-defines.d.ts): open, as in the e2e variant, so that the
  // tests can look inside; the shipped build's closed root is tested end to end (closed-shadow.spec.ts).
  define: { __NGL_SHADOW_MODE__: JSON.stringify('open') },
  test: {
    name: 'browser',
    include: ['tests/unit/**/*.browser.test.ts'],
    browser: {
      enabled: true,
      headless: true,
      // Playwright cannot download browsers here: it drives the system's Chromium.
      provider: playwright({ launchOptions: { executablePath: CHROMIUM } }),
      instances: [{ browser: 'chromium' }],
      viewport: { width: 1024, height: 768 },
      screenshotFailures: false,
    },
  },
});
