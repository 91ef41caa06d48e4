// Every key the extension stores under, built in one place so that writers and watchers agree.

/** storage.sync: the reader's settings (only what differs from the defaults). */
export const SETTINGS_KEY = 'settings';

/** storage.session: the terms each frame of a tab found, written by the background only. */
export const tabResultsKey = (tabId: number): string => `tab:${tabId}`;
