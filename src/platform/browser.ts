// The one module that imports webextension-polyfill; everything else asks platform/ for what it needs.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime } from 'webextension-polyfill';
