// Every key the extension stores under, built in one place so that writers and watchers agree.

/** storage.sync: the reader's settings (only what differs from the defaults). */
export const SETTINGS_KEY = 'settings';

/** storage.local: this device's settings (trigger, hover delay, text size). */
export const DEVICE_SETTINGS_KEY = 'deviceSettings';

/** storage.local: the reader's own terms (too large for the sync quota). */
export const PERSONAL_TERMS_KEY = 'personalTerms';

/** storage.local: the reader's own terms compiled for matching (JSON text), written with every save. */
export const PERSONAL_MATCHER_KEY = 'personalMatcher';

/** storage.local: where earlier builds kept the compiled dictionary for content scripts (now removed). */
export const MATCHER_KEY = 'compiledMatcher';

/** storage.session: the terms each frame of a tab found, written by the background only. */
export const tabResultsKey = (tabId: number): string => `tab:${tabId}`;
