// Optional permissions, asked for when the reader switches on the feature that needs them (a click in the
// options page: browsers grant requests only during a user gesture) and given back when it is switched off.
import { browser } from './browser.js';

export async function requestOrigin(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [origin] });
  } catch {
    return false;
  }
}

export async function removeOrigin(origin: string): Promise<void> {
  await browser.permissions.remove({ origins: [origin] }).catch(() => false);
}
