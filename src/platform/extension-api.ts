// The few extension APIs that the content script needs (storage, runtime messaging, i18n), taken from the
// browser itself: Firefox's `browser`, or Chrome's `chrome`, whose storage and runtime calls return promises
// in Manifest V3. The content script is injected into every frame of every page, so it does without the
// webextension-polyfill (10 KB); the background and the extension pages keep it (platform/browser.ts).
// Message listeners use sendResponse, the one form both browsers share.
import type Browser from 'webextension-polyfill';

type Api = Pick<typeof Browser, 'storage' | 'i18n'> & {
  runtime: Pick<typeof Browser.runtime, 'sendMessage' | 'onMessage' | 'id' | 'getURL'>;
};

export function extensionApi(): Api {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  if (!api?.runtime) throw new Error('extension APIs are unavailable here');
  return api;
}

/**
 * Listens to runtime messages. `handler` returns undefined to leave a message to other listeners, or a
 * promise of the response.
 */
export function onRuntimeMessage(handler: (message: unknown) => Promise<unknown> | undefined): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void): boolean => {
    const pending = handler(message);
    if (!pending) return false;
    pending.then(sendResponse, () => sendResponse(null));
    return true;
  };
  // The polyfill's types describe the promise-returning form; the sendResponse form is the native one.
  extensionApi().runtime.onMessage.addListener(
    listener as unknown as Parameters<typeof Browser.runtime.onMessage.addListener>[0],
  );
}
