// The two builds of each browser: the shipped one (dist/<browser>, zipped for the stores), whose popover has a
// closed shadow root, and the e2e variant (dist/e2e-<browser>), identical but for an open root, so that the
// tests (Playwright locators, page.evaluate) can look inside. The check below keeps the open one from shipping.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Browser = 'chrome' | 'firefox';

/** The folder of a browser's build: the shipped one, or the e2e variant with the open shadow root. */
export function buildDir(dist: string, browser: Browser, variant: 'shipped' | 'e2e'): string {
  return join(dist, variant === 'e2e' ? `e2e-${browser}` : browser);
}

/** The shadow root modes a bundle attaches, in order (minified or not). */
export function shadowModesIn(js: string): string[] {
  return [...js.matchAll(/attachShadow\(\s*\{\s*mode\s*:\s*(["'`])(\w+)\1\s*\}\s*\)/g)].map((m) => m[2] as string);
}

/** The bundle that creates the popover's host: the main content script (the loader, content.js, imports it). */
export const HOST_BUNDLE = 'content-main.js';

/**
 * Throws unless the main content script in `dir` attaches its shadow roots with `mode` only (and at least
 * one), and the loader attaches none: an unreplaced define or a mode not written as a literal fails too,
 * since neither can be checked.
 */
export function assertShadowMode(dir: string, mode: ShadowRootMode): void {
  const file = join(dir, HOST_BUNDLE);
  const js = readFileSync(file, 'utf8');
  const modes = shadowModesIn(js);
  if (js.includes('__NGL_SHADOW_MODE__') || modes.length === 0 || modes.some((m) => m !== mode)) {
    throw new Error(`${file}: expected shadow roots attached with mode "${mode}" only, found [${modes.join(', ')}]`);
  }
  const loader = join(dir, 'content.js');
  const loaderJs = readFileSync(loader, 'utf8');
  if (loaderJs.includes('attachShadow') || loaderJs.includes('__NGL_SHADOW_MODE__')) {
    throw new Error(`${loader}: the loader must not create the host (it belongs in ${HOST_BUNDLE})`);
  }
}
