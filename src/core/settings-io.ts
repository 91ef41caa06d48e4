// Export and import of the reader's settings as a small JSON document. Import is all or nothing: a file
// is fully validated first, and any problem is reported with a specific reason so that nothing changes.
import {
  DEFAULT_SETTINGS,
  isValidSetting,
  migrate,
  SETTING_KEYS,
  SETTINGS_VERSION,
  type Settings,
} from './settings.js';
import { parseSiteEntry } from './sites.js';
import { parsePersonalTerms, type PersonalTerm } from './personal-terms.js';

/** The marker that tells our files apart from any other JSON. */
export const SETTINGS_FILE_FORMAT = 'netgov-lens-settings';
/** The version of the file's envelope (the settings inside carry their own schemaVersion). */
const SETTINGS_FILE_VERSION = 1;
/** A settings file is a few kilobytes; anything far larger is not one (and is not worth parsing). */
export const SETTINGS_FILE_MAX_CHARS = 1_000_000;

interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: number;
  exportedAt: string;
  settings: Record<string, unknown>;
  /** The reader's own terms (kept in storage.local, exported with the settings). */
  personalTerms?: PersonalTerm[];
}

/** Why an import was refused. The UI turns each code into a sentence; `value` is a short preview. */
export type ImportError =
  | { code: 'empty' }
  | { code: 'too-large'; chars: number }
  | { code: 'not-json'; detail: string }
  | { code: 'not-object' }
  | { code: 'wrong-format'; found: string }
  | { code: 'newer-version'; version: number }
  | { code: 'no-settings' }
  | { code: 'bad-value'; field: keyof Settings; value: string }
  | { code: 'bad-personal-terms'; count: number };

export type ImportResult =
  | { ok: true; settings: Settings; ignored: string[]; personalTerms?: PersonalTerm[] }
  | { ok: false; error: ImportError };

/** The whole settings (not only the differences), so that the file reads on its own. */
export function exportSettings(settings: Settings, now: Date = new Date(), personalTerms: PersonalTerm[] = []): string {
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    settings: { schemaVersion: SETTINGS_VERSION, ...settings },
    ...(personalTerms.length > 0 ? { personalTerms } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** "netgov-lens-settings-2025-01-31.json" (the local date, which is what the reader sees). */
export function exportFileName(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${SETTINGS_FILE_FORMAT}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** Up to 60 characters of a value as JSON, for error messages. */
export function previewValue(value: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The first entry of a site list that is not a normalised domain, if any. */
function badSite(list: readonly string[]): string | undefined {
  return list.find((entry) => {
    const parsed = parseSiteEntry(entry);
    return 'error' in parsed || parsed.domain !== entry;
  });
}

/**
 * Reads an exported file. Fields the file leaves out take their defaults; unknown fields are listed in
 * `ignored` (a newer version may add some); an invalid value refuses the whole file.
 */
export function parseSettingsFile(text: string): ImportResult {
  const fail = (error: ImportError): ImportResult => ({ ok: false, error });
  if (text.length > SETTINGS_FILE_MAX_CHARS) return fail({ code: 'too-large', chars: text.length });
  // A byte-order mark is common in files saved by editors on Windows; JSON.parse rejects it.
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return fail({ code: 'empty' });
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    return fail({ code: 'not-json', detail: e instanceof Error ? e.message : String(e) });
  }
  if (!isRecord(doc)) return fail({ code: 'not-object' });
  if (doc.format !== SETTINGS_FILE_FORMAT) {
    return fail({ code: 'wrong-format', found: doc.format === undefined ? '' : previewValue(doc.format) });
  }
  const version = doc.version;
  if (typeof version === 'number' && version > SETTINGS_FILE_VERSION) return fail({ code: 'newer-version', version });
  const stored = doc.settings;
  if (!isRecord(stored)) return fail({ code: 'no-settings' });
  const schema = stored.schemaVersion;
  if (typeof schema === 'number' && schema > SETTINGS_VERSION) return fail({ code: 'newer-version', version: schema });

  const migrated = migrate(stored);
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    disabledTerms: [...DEFAULT_SETTINGS.disabledTerms],
    deniedSites: [...DEFAULT_SETTINGS.deniedSites],
    allowedSites: [...DEFAULT_SETTINGS.allowedSites],
  };
  const known = new Set<string>([...SETTING_KEYS, 'schemaVersion']);
  const ignored = Object.keys(migrated).filter((k) => !known.has(k));
  for (const key of SETTING_KEYS) {
    if (!(key in migrated)) continue;
    const value = migrated[key];
    if (!isValidSetting(key, value)) return fail({ code: 'bad-value', field: key, value: previewValue(value) });
    if (key === 'deniedSites' || key === 'allowedSites') {
      const bad = badSite(value as string[]);
      if (bad !== undefined) return fail({ code: 'bad-value', field: key, value: previewValue(bad) });
    }
    (settings as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...new Set(value)] : value;
  }
  if (doc.personalTerms === undefined) return { ok: true, settings, ignored };
  // The reader's own terms: all of them must be well formed, or the file is refused like a bad setting.
  const personal = parsePersonalTerms(doc.personalTerms);
  if (personal.dropped > 0) return fail({ code: 'bad-personal-terms', count: personal.dropped });
  return { ok: true, settings, ignored, personalTerms: personal.terms };
}
