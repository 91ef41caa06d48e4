// The reader's settings: defaults in code, only what differs from them stored (storage.sync quotas),
// every stored field validated on its own so that one corrupt value never costs the others.

export const LOOKUP_PROVIDERS = ['scholar', 'semantic', 'openalex', 'base', 'core'] as const;
export type LookupProvider = (typeof LOOKUP_PROVIDERS)[number];

export const CITATION_FORMATS = ['bibtex', 'apa'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

const HIGHLIGHT_STYLES = ['dotted', 'solid', 'background'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface Settings {
  enabled: boolean;
  disabledTerms: string[];
  siteMode: 'all' | 'listed';
  deniedSites: string[];
  allowedSites: string[];
  trigger: 'hover' | 'click';
  hoverDelayMs: number;
  occurrences: 'all' | 'first';
  highlightStyle: HighlightStyle;
  lookupProvider: LookupProvider;
  citationFormat: CitationFormat;
}

export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledTerms: [],
  siteMode: 'all',
  deniedSites: [],
  allowedSites: [],
  trigger: 'hover',
  hoverDelayMs: 300,
  occurrences: 'all',
  highlightStyle: 'dotted',
  lookupProvider: 'scholar',
  citationFormat: 'bibtex',
});

type Validator<T> = (value: unknown) => value is T;

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const oneOf =
  <T extends string>(values: readonly T[]): Validator<T> =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);
const stringList =
  (max: number, item: RegExp): Validator<string[]> =>
  (v: unknown): v is string[] =>
    Array.isArray(v) && v.length <= max && v.every((s) => typeof s === 'string' && item.test(s));

const VALIDATORS: { [K in keyof Settings]: Validator<Settings[K]> } = {
  enabled: isBool,
  disabledTerms: stringList(2000, /^[a-z0-9-]{1,80}$/),
  siteMode: oneOf(['all', 'listed'] as const),
  deniedSites: stringList(500, /^[a-z0-9.-]{1,253}$/),
  allowedSites: stringList(500, /^[a-z0-9.-]{1,253}$/),
  trigger: oneOf(['hover', 'click'] as const),
  hoverDelayMs: (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2000,
  occurrences: oneOf(['all', 'first'] as const),
  highlightStyle: oneOf(HIGHLIGHT_STYLES),
  lookupProvider: oneOf(LOOKUP_PROVIDERS),
  citationFormat: oneOf(CITATION_FORMATS),
};

export const SETTING_KEYS = Object.keys(VALIDATORS) as (keyof Settings)[];

export interface ParsedSettings {
  settings: Settings;
  /** Stored keys whose values were invalid and were replaced by defaults. */
  invalid: string[];
}

/**
 * Migrations from each older version to the next, in order. A migration receives the stored object
 * of its version and returns the next version's object.
 */
export const MIGRATIONS: ((stored: Record<string, unknown>) => Record<string, unknown>)[] = [
  // 0 -> 1: before versioning, the global switch was stored as "on".
  (stored) => {
    const { on, ...rest } = stored;
    return on === undefined || 'enabled' in rest ? rest : { ...rest, enabled: on };
  },
];

export function migrate(stored: Record<string, unknown>): Record<string, unknown> {
  const raw = stored.schemaVersion;
  let version = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : 0;
  let current = { ...stored };
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (step) current = step(current);
    version++;
  }
  current.schemaVersion = SETTINGS_VERSION;
  return current;
}

/** Reads stored settings: migrates, then validates field by field; bad fields fall back to defaults. */
export function parseSettings(stored: unknown): ParsedSettings {
  const settings: Settings = structuredCloneSettings(DEFAULT_SETTINGS);
  const invalid: string[] = [];
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings, invalid: stored === undefined || stored === null ? [] : ['(all)'] };
  }
  const migrated = migrate(stored as Record<string, unknown>);
  for (const key of SETTING_KEYS) {
    if (!(key in migrated)) continue;
    const value = migrated[key];
    if ((VALIDATORS[key] as Validator<unknown>)(value)) {
      (settings as unknown as Record<string, unknown>)[key] = value;
    } else {
      invalid.push(key);
    }
  }
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

/** Validates one field (used by the options page before it writes). */
export function isValidSetting<K extends keyof Settings>(key: K, value: unknown): value is Settings[K] {
  return (VALIDATORS[key] as Validator<unknown>)(value);
}
