// Headless Chromium with the built extension loaded, in a throwaway persistent profile (extensions need
// one): shared by the end-to-end tests and the benchmark, so that both measure the same browser set-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type BrowserContextOptions, chromium } from '@playwright/test';

export interface ExtensionBrowser {
  context: BrowserContext;
  /** Removes the profile folder (after the context is closed). */
  cleanup: () => void;
}

export async function launchWithExtension(options: {
  /** The unpacked extension (dist/chrome). */
  extension: string;
  executablePath: string;
  /** Prefix of the temporary profile folder's name. */
  profilePrefix: string;
  extraArgs?: string[];
  /** A phone instead of a desktop (the touch tests): viewport, isMobile, hasTouch, deviceScaleFactor. */
  device?: Pick<BrowserContextOptions, 'viewport' | 'isMobile' | 'hasTouch' | 'deviceScaleFactor'>;
}): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), options.profilePrefix));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ...options.device,
    args: [
      `--disable-extensions-except=${options.extension}`,
      `--load-extension=${options.extension}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      ...(options.extraArgs ?? []),
    ],
  });
  return { context, cleanup: () => rmSync(userDataDir, { recursive: true, force: true }) };
}
