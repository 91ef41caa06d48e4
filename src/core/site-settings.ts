// The four settings that decide whether a site is annotated (all kept in storage.sync), parsed on their own:
// the content script's loader runs in every frame and needs only these, so it does not carry the rest of
// settings.ts. settings.ts builds the full settings from these same validators and this same migration.

export interface SiteSettings {
  enabled: boolean;
  siteMode: 'all' | 'listed';
  deniedSites: string[];
  allowedSites: string[];
}

export const SETTINGS_VERSION = 1;

export const SITE_DEFAULTS: Readonly<SiteSettings> = Object.freeze({
  enabled: true,
  siteMode: 'all',
  deniedSites: [],
  allowedSites: [],
});

export type Validator<T> = (value: unknown) => value is T;

export const oneOf =
  <T extends string>(values: readonly T[]): Validator<T> =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);
export const stringList =
  (max: number, item: RegExp): Validator<string[]> =>
  (v: unknown): v is string[] =>
    Array.isArray(v) && v.length <= max && v.every((s) => typeof s === 'string' && item.test(s));
const sites = stringList(500, /^[a-z0-9.-]{1,253}$/);

export const SITE_VALIDATORS: { [K in keyof SiteSettings]: Validator<SiteSettings[K]> } = {
  enabled: (v: unknown): v is boolean => typeof v === 'boolean',
  siteMode: oneOf(['all', 'listed'] as const),
  deniedSites: sites,
  allowedSites: sites,
};

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

/**
 * Migrates `stored` and copies each of `validators`' fields that is valid onto `into` (the defaults);
 * returns the stored keys whose values were invalid (left at their defaults). Not an object: '(all)'.
 */
export function readFields<T extends object>(
  stored: unknown,
  validators: { [K in keyof T]: Validator<T[K]> },
  into: T,
): string[] {
  if (stored === undefined || stored === null) return [];
  if (typeof stored !== 'object' || Array.isArray(stored)) return ['(all)'];
  const migrated = migrate(stored as Record<string, unknown>);
  const invalid: string[] = [];
  for (const key of Object.keys(validators) as (keyof T & string)[]) {
    if (!(key in migrated)) continue;
    const value = migrated[key];
    if (validators[key](value)) into[key] = value;
    else invalid.push(key);
  }
  return invalid;
}

/** The site settings in the stored synced settings, each field falling back to its default on its own. */
export function parseSiteSettings(stored: unknown): SiteSettings {
  const settings: SiteSettings = { ...SITE_DEFAULTS, deniedSites: [], allowedSites: [] };
  readFields(stored, SITE_VALIDATORS, settings);
  return settings;
}
