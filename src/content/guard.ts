// Nothing the content script does may throw into the page: every callback from the page's events, timers
// and the extension's messages runs through guard().

/** Runs `fn`, keeping any exception inside the extension. */
export function guard<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    console.warn('[Netgov Lens]', e);
    return undefined;
  }
}
