// A change to the reader's settings as one context asks for it and the background applies it: fields set
// as a patch, or an operation on a list ("hide this term", "toggle this site") that is applied to whatever is
// stored at that moment, so that two contexts changing settings at once never undo each other's change.
import { isValidSetting, SETTING_KEYS, type Settings } from './settings.js';
import { toggleSite } from './sites.js';

export type SettingsChange =
  | { kind: 'patch'; patch: Partial<Settings> }
  | { kind: 'hide-term'; id: string }
  | { kind: 'toggle-site'; hostname: string; enabled?: boolean };

export function applySettingsChange(settings: Settings, change: SettingsChange): Settings {
  switch (change.kind) {
    case 'patch':
      return { ...settings, ...change.patch };
    case 'hide-term':
      return settings.disabledTerms.includes(change.id)
        ? settings
        : { ...settings, disabledTerms: [...settings.disabledTerms, change.id] };
    case 'toggle-site':
      return { ...settings, ...toggleSite(settings, change.hostname, change.enabled) };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a change from another context: every patched field must be a known, valid setting. */
export function parseSettingsChange(v: unknown): SettingsChange | undefined {
  if (!isObject(v)) return undefined;
  switch (v.kind) {
    case 'patch': {
      const patch = v.patch;
      if (!isObject(patch)) return undefined;
      const out: Partial<Record<keyof Settings, unknown>> = {};
      for (const [key, value] of Object.entries(patch)) {
        const k = SETTING_KEYS.find((s) => s === key);
        if (!k || !isValidSetting(k, value)) return undefined;
        out[k] = structuredClone(value);
      }
      return { kind: 'patch', patch: out as Partial<Settings> };
    }
    case 'hide-term':
      return typeof v.id === 'string' && /^[a-z0-9-]{1,80}$/.test(v.id) ? { kind: 'hide-term', id: v.id } : undefined;
    case 'toggle-site': {
      const host = v.hostname;
      if (typeof host !== 'string' || !/^[a-z0-9.-]{1,253}$/i.test(host) || !/[a-z0-9]/i.test(host)) return undefined;
      if (v.enabled !== undefined && typeof v.enabled !== 'boolean') return undefined;
      return {
        kind: 'toggle-site',
        hostname: host.toLowerCase(),
        ...(v.enabled === undefined ? {} : { enabled: v.enabled }),
      };
    }
    default:
      return undefined;
  }
}
