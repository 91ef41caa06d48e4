import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  DEVICE_SETTING_KEYS,
  parseStoredSettings,
  settingsToStores,
  isValidSetting,
  migrate,
  MIGRATIONS,
  parseSettings,
  SETTING_KEYS,
  SETTINGS_VERSION,
  settingsToStore,
  type Settings,
} from '../../../src/core/settings.js';

const defaults = (): Settings => parseSettings(undefined).settings;

describe('parseSettings', () => {
  it('returns the defaults for nothing stored, without reporting anything', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, invalid: [] });
    expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, invalid: [] });
    expect(parseSettings({})).toEqual({ settings: DEFAULT_SETTINGS, invalid: [] });
  });

  it('has sensible defaults', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      enabled: true,
      disabledTerms: [],
      siteMode: 'all',
      trigger: 'hover',
      hoverDelayMs: 300,
      occurrences: 'all',
      highlightStyle: 'dotted',
      lookupProvider: 'scholar',
      citationFormat: 'bibtex',
    });
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });

  it('never hands out the frozen defaults (lists can be changed safely)', () => {
    const s = defaults();
    s.disabledTerms.push('icann');
    expect(DEFAULT_SETTINGS.disabledTerms).toEqual([]);
    expect(defaults().disabledTerms).toEqual([]);
  });

  it('keeps every valid stored field', () => {
    const stored = {
      schemaVersion: 1,
      enabled: false,
      disabledTerms: ['net-neutrality'],
      siteMode: 'listed',
      deniedSites: ['example.org'],
      allowedSites: ['news.example.com'],
      trigger: 'click',
      hoverDelayMs: 0,
      occurrences: 'first',
      highlightStyle: 'background',
      lookupProvider: 'core',
      citationFormat: 'apa',
      textSize: 'larger',
    };
    const { settings, invalid } = parseSettings(stored);
    expect(invalid).toEqual([]);
    const { schemaVersion: _v, ...expected } = stored;
    expect(settings).toEqual(expected);
  });

  it('falls back per field: one bad value costs only itself', () => {
    const { settings, invalid } = parseSettings({ schemaVersion: 1, trigger: 42, enabled: false });
    expect(invalid).toEqual(['trigger']);
    expect(settings.trigger).toBe('hover');
    expect(settings.enabled).toBe(false);
  });

  it.each([
    ['enabled', 'yes'],
    ['enabled', 1],
    ['disabledTerms', 'net-neutrality'],
    ['disabledTerms', ['Net Neutrality']],
    ['disabledTerms', [42]],
    ['siteMode', 'some'],
    ['deniedSites', ['https://example.org/']],
    ['allowedSites', ['Example.org']],
    ['allowedSites', null],
    ['trigger', 'tap'],
    ['hoverDelayMs', -1],
    ['hoverDelayMs', 2001],
    ['hoverDelayMs', 12.5],
    ['hoverDelayMs', '300'],
    ['occurrences', 'last'],
    ['highlightStyle', 'wavy'],
    ['lookupProvider', 'bing'],
    ['citationFormat', 'mla'],
  ])('rejects %s = %j and uses its default', (key, value) => {
    const { settings, invalid } = parseSettings({ schemaVersion: 1, [key]: value });
    expect(invalid).toEqual([key]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  it('accepts the edges of the delay range', () => {
    expect(parseSettings({ hoverDelayMs: 0 }).settings.hoverDelayMs).toBe(0);
    expect(parseSettings({ hoverDelayMs: 2000 }).settings.hoverDelayMs).toBe(2000);
  });

  it('ignores unknown keys without reporting them', () => {
    const { settings, invalid } = parseSettings({ schemaVersion: 1, theme: 'dark', enabled: false });
    expect(invalid).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect('theme' in settings).toBe(false);
  });

  it.each([[42], ['{"enabled":false}'], ['not json{'], [['enabled']], [true]])(
    'reports a stored %j that is not an object',
    (v) => {
      expect(parseSettings(v)).toEqual({ settings: DEFAULT_SETTINGS, invalid: ['(all)'] });
    },
  );
});

describe('migrations', () => {
  it('has one migration per version step', () => {
    expect(MIGRATIONS).toHaveLength(SETTINGS_VERSION);
  });

  it('moves the unversioned "on" switch to "enabled"', () => {
    expect(migrate({ on: false })).toEqual({ enabled: false, schemaVersion: 1 });
    expect(parseSettings({ on: false })).toEqual({ settings: { ...DEFAULT_SETTINGS, enabled: false }, invalid: [] });
  });

  it('treats a missing or malformed version as version 0', () => {
    expect(parseSettings({ schemaVersion: 'x', on: false }).settings.enabled).toBe(false);
    expect(parseSettings({ schemaVersion: -3, on: false }).settings.enabled).toBe(false);
    expect(parseSettings({ schemaVersion: 0, on: false }).settings.enabled).toBe(false);
  });

  it('prefers "enabled" when both are present, and keeps the other fields', () => {
    expect(migrate({ on: false, enabled: true, trigger: 'click' })).toEqual({
      enabled: true,
      trigger: 'click',
      schemaVersion: 1,
    });
  });

  it('does not run on data that is already current', () => {
    expect(migrate({ schemaVersion: 1, on: false })).toEqual({ schemaVersion: 1, on: false });
    expect(parseSettings({ schemaVersion: 1, on: false }).settings.enabled).toBe(true);
  });

  it('validates migrated values like any other (a bad old "on" is reported as "enabled")', () => {
    expect(parseSettings({ on: 'yes' })).toEqual({ settings: DEFAULT_SETTINGS, invalid: ['enabled'] });
  });

  it('does not change its input', () => {
    const stored = { on: false };
    migrate(stored);
    expect(stored).toEqual({ on: false });
  });
});

describe('settingsToStore', () => {
  it('stores only the version for the defaults', () => {
    expect(settingsToStore(defaults())).toEqual({ schemaVersion: SETTINGS_VERSION });
  });

  it('stores only what differs from the defaults', () => {
    const s = { ...defaults(), trigger: 'click' as const, disabledTerms: ['icann'], hoverDelayMs: 300 };
    expect(settingsToStore(s)).toEqual({ schemaVersion: 1, trigger: 'click', disabledTerms: ['icann'] });
  });

  it('round-trips through parseSettings', () => {
    const s: Settings = {
      ...defaults(),
      enabled: false,
      siteMode: 'listed',
      allowedSites: ['example.org'],
      highlightStyle: 'solid',
      lookupProvider: 'openalex',
    };
    expect(parseSettings(settingsToStore(s))).toEqual({ settings: s, invalid: [] });
    expect(JSON.parse(JSON.stringify(settingsToStore(s)))).toEqual(settingsToStore(s));
  });
});

describe('isValidSetting', () => {
  it('accepts every default', () => {
    for (const key of SETTING_KEYS) expect(isValidSetting(key, DEFAULT_SETTINGS[key])).toBe(true);
  });

  it('checks one field', () => {
    expect(isValidSetting('trigger', 'click')).toBe(true);
    expect(isValidSetting('trigger', 'hover ')).toBe(false);
    expect(isValidSetting('deniedSites', ['example.org', 'news.example.org'])).toBe(true);
    expect(isValidSetting('deniedSites', ['example.org/'])).toBe(false);
  });
});

describe('settings kept per device', () => {
  const mine: Settings = {
    ...DEFAULT_SETTINGS,
    enabled: false,
    disabledTerms: ['icann'],
    trigger: 'click',
    hoverDelayMs: 0,
    textSize: 'large',
  };

  it('stores trigger, delay and text size on this device and the rest in sync, only what differs', () => {
    const { sync, local } = settingsToStores(mine);
    expect(sync).toEqual({ schemaVersion: SETTINGS_VERSION, enabled: false, disabledTerms: ['icann'] });
    expect(local).toEqual({ schemaVersion: SETTINGS_VERSION, trigger: 'click', hoverDelayMs: 0, textSize: 'large' });
    expect(DEVICE_SETTING_KEYS).toEqual(['trigger', 'hoverDelayMs', 'textSize']);
  });

  it('reads back what it stored', () => {
    const { sync, local } = settingsToStores(mine);
    expect(parseStoredSettings(sync, local)).toEqual({ settings: mine, invalid: [] });
  });

  it('migrates settings stored before the split: device fields in sync are kept until this device has its own', () => {
    const old = settingsToStore(mine); // everything in sync, as version 0.1 stored it
    expect(parseStoredSettings(old, undefined)).toEqual({ settings: mine, invalid: [] });
    // Once this device stored its own values, they win over what another device synced earlier.
    const phone = parseStoredSettings(old, { schemaVersion: 1, trigger: 'hover', textSize: 'larger' });
    expect(phone.settings).toEqual({ ...mine, trigger: 'hover', textSize: 'larger' });
    // And saving writes the device fields only to this device.
    expect(settingsToStores(phone.settings).sync).not.toHaveProperty('trigger');
  });

  it('falls back per field in each store, and names a corrupt device store', () => {
    const bad = parseStoredSettings(
      { schemaVersion: 1, siteMode: 'some' },
      { schemaVersion: 1, hoverDelayMs: -1, textSize: 'huge' },
    );
    expect(bad.settings).toEqual(DEFAULT_SETTINGS);
    expect(bad.invalid.sort()).toEqual(['hoverDelayMs', 'siteMode', 'textSize']);
    const corrupt = parseStoredSettings({ schemaVersion: 1, enabled: false }, '(unreadable)');
    expect(corrupt.settings.enabled).toBe(false);
    expect(corrupt.invalid).toEqual(['(device)']);
  });

  it('a synced device field that is corrupt is not reported when this device has its own', () => {
    const r = parseStoredSettings({ schemaVersion: 1, trigger: 42 }, { schemaVersion: 1, trigger: 'click' });
    expect(r).toEqual({ settings: { ...DEFAULT_SETTINGS, trigger: 'click' }, invalid: [] });
  });
});
