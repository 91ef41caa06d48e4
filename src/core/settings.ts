// The reader's settings: defaults in code, only what differs from them stored (storage.sync quotas),
// every stored field validated on its own so that one corrupt value never costs the others (the site fields,
// their validators and the migration live in site-settings.ts, which the content script's loader reads alone).
import {
  oneOf,
  readFields,
  SETTINGS_VERSION,
  SITE_DEFAULTS,
  SITE_VALIDATORS,
  type SiteSettings,
  stringList,
  type Validator,
} from './site-settings.js';

export const LOOKUP_PROVIDERS = ['scholar', 'semantic', 'openalex', 'base', 'core'] as const;
export type LookupProvider = (typeof LOOKUP_PROVIDERS)[number];

export const CITATION_FORMATS = ['bibtex', 'apa', 'chicago'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

const HIGHLIGHT_STYLES = ['dotted', 'solid', 'background'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/** Text size of the popover and the extension pages, as steps over the browser's own size (zoom included). */
export const TEXT_SIZES = ['small', 'default', 'large', 'larger'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
/** Each step as a factor on the browser's font size; `em`/`rem` units keep it following browser zoom. */
export const TEXT_SCALE: Readonly<Record<TextSize, number>> = { small: 0.875, default: 1, large: 1.15, larger: 1.3 };

export interface Settings extends SiteSettings {
  disabledTerms: string[];
  trigger: 'hover' | 'click';
  hoverDelayMs: number;
  occurrences: 'all' | 'first';
  highlightStyle: HighlightStyle;
  lookupProvider: LookupProvider;
  citationFormat: CitationFormat;
  textSize: TextSize;
}

export { migrate, MIGRATIONS, SETTINGS_VERSION } from './site-settings.js';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  ...SITE_DEFAULTS,
  disabledTerms: [],
  trigger: 'hover',
  hoverDelayMs: 300,
  occurrences: 'all',
  highlightStyle: 'dotted',
  lookupProvider: 'scholar',
  citationFormat: 'bibtex',
  textSize: 'default',
});

const VALIDATORS: { [K in keyof Settings]: Validator<Settings[K]> } = {
  ...SITE_VALIDATORS,
  disabledTerms: stringList(2000, /^[a-z0-9-]{1,80}$/),
  trigger: oneOf(['hover', 'click'] as const),
  hoverDelayMs: (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2000,
  occurrences: oneOf(['all', 'first'] as const),
  highlightStyle: oneOf(HIGHLIGHT_STYLES),
  lookupProvider: oneOf(LOOKUP_PROVIDERS),
  citationFormat: oneOf(CITATION_FORMATS),
  textSize: oneOf(TEXT_SIZES),
};

export const SETTING_KEYS = Object.keys(VALIDATORS) as (keyof Settings)[];

/**
 * Settings that belong to one device rather than to the reader (10ten Reader does the same): how terms open
 * suits a phone differently from a desktop, and so does the text size. They are kept in storage.local, the
 * rest in storage.sync (which Firefox for Android does not sync anyway).
 */
export const DEVICE_SETTING_KEYS: readonly (keyof Settings)[] = ['trigger', 'hoverDelayMs', 'textSize'];
const isDeviceKey = (key: keyof Settings): boolean => DEVICE_SETTING_KEYS.includes(key);

export interface ParsedSettings {
  settings: Settings;
  /** Stored keys whose values were invalid and were replaced by defaults. */
  invalid: string[];
}

/** Reads stored settings: migrates, then validates field by field; bad fields fall back to defaults. */
export function parseSettings(stored: unknown): ParsedSettings {
  const settings: Settings = structuredCloneSettings(DEFAULT_SETTINGS);
  const invalid = readFields(stored, VALIDATORS, settings);
  return { settings, invalid };
}

function structuredCloneSettings(s: Readonly<Settings>): Settings {
  return {
    ...s,
    disabledTerms: [...s.disabledTerms],
    deniedSites: [...s.deniedSites],
    allowedSites: [...s.allowedSites],
  };
}

/** What to store: only the fields that differ from the defaults, plus the schema version. */
export function settingsToStore(settings: Settings): Record<string, unknown> {
  const out: Record<string, unknown> = { schemaVersion: SETTINGS_VERSION };
  for (const key of SETTING_KEYS) {
    if (JSON.stringify(settings[key]) !== JSON.stringify(DEFAULT_SETTINGS[key])) out[key] = settings[key];
  }
  return out;
}

/** What to store where: the synced fields and this device's fields, each only where they differ from the defaults. */
export function settingsToStores(settings: Settings): {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
} {
  const all = settingsToStore(settings);
  const sync: Record<string, unknown> = {};
  const local: Record<string, unknown> = { schemaVersion: SETTINGS_VERSION };
  for (const [key, value] of Object.entries(all)) {
    if (isDeviceKey(key as keyof Settings)) local[key] = value;
    else sync[key] = value;
  }
  return { sync, local };
}

/**
 * Reads the settings from both stores. This device's fields come from `local`; where `local` has none yet
 * (settings written before they were kept per device, or a new device), the synced value is taken, so that
 * no setting is lost by the move. Each store is validated field by field, as parseSettings does.
 */
export function parseStoredSettings(sync: unknown, local: unknown): ParsedSettings {
  const fromSync = parseSettings(sync);
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(local)) {
    const invalid = local === undefined || local === null ? [] : ['(device)'];
    return { settings: fromSync.settings, invalid: [...fromSync.invalid, ...invalid] };
  }
  const fromLocal = parseSettings(local);
  const settings = { ...fromSync.settings };
  for (const key of DEVICE_SETTING_KEYS) {
    if (key in local) (settings as unknown as Record<string, unknown>)[key] = fromLocal.settings[key];
  }
  const invalid = [
    ...fromSync.invalid.filter((k) => !(isDeviceKey(k as keyof Settings) && k in local)),
    ...fromLocal.invalid.filter((k) => isDeviceKey(k as keyof Settings)),
  ];
  return { settings, invalid };
}

/** Validates one field (used by the options page before it writes). */
export function isValidSetting<K extends keyof Settings>(key: K, value: unknown): value is Settings[K] {
  return (VALIDATORS[key] as Validator<unknown>)(value);
}
