import { describe, expect, it } from 'vitest';
import {
  exportFileName,
  exportSettings,
  type ImportResult,
  parseSettingsFile,
  previewValue,
  SETTINGS_FILE_FORMAT,
  SETTINGS_FILE_MAX_CHARS,
} from '../../../src/core/settings-io.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings.js';

const custom: Settings = {
  ...DEFAULT_SETTINGS,
  enabled: false,
  disabledTerms: ['net-neutrality', 'zero-rating'],
  siteMode: 'listed',
  allowedSites: ['example.org'],
  deniedSites: ['ads.example.org'],
  trigger: 'click',
  hoverDelayMs: 650,
  occurrences: 'first',
  highlightStyle: 'background',
  lookupProvider: 'semantic',
  citationFormat: 'apa',
};

const file = (settings: Record<string, unknown>, envelope: Record<string, unknown> = {}): string =>
  JSON.stringify({
    format: SETTINGS_FILE_FORMAT,
    version: 1,
    exportedAt: '2025-01-31T10:00:00.000Z',
    settings,
    ...envelope,
  });

const error = (r: ImportResult) => (r.ok ? null : r.error);

describe('exportSettings', () => {
  it('writes a marked, versioned, readable JSON document with every setting', () => {
    const text = exportSettings(custom, new Date('2025-01-31T10:00:00Z'));
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(doc).toEqual({
      format: 'netgov-lens-settings',
      version: 1,
      exportedAt: '2025-01-31T10:00:00.000Z',
      settings: { schemaVersion: 1, ...custom },
    });
    expect(text).toContain('\n  "format"');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('names the file after the local date', () => {
    expect(exportFileName(new Date(2025, 0, 5, 23, 59))).toBe('netgov-lens-settings-2025-01-05.json');
  });
});

describe('parseSettingsFile', () => {
  it('reads back what was exported', () => {
    expect(parseSettingsFile(exportSettings(custom))).toEqual({ ok: true, settings: custom, ignored: [] });
    expect(parseSettingsFile(exportSettings(DEFAULT_SETTINGS))).toEqual({
      ok: true,
      settings: DEFAULT_SETTINGS,
      ignored: [],
    });
  });

  it('fills fields the file leaves out with their defaults', () => {
    expect(parseSettingsFile(file({ trigger: 'click' }))).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, trigger: 'click' },
      ignored: [],
    });
  });

  it('lists unknown fields as ignored', () => {
    const r = parseSettingsFile(file({ schemaVersion: 1, theme: 'dark', enabled: false }));
    expect(r).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, enabled: false }, ignored: ['theme'] });
  });

  it('migrates settings from version 0', () => {
    const r = parseSettingsFile(file({ on: false }));
    expect(r.ok && r.settings.enabled).toBe(false);
    expect(r.ok && r.ignored).toEqual([]);
  });

  it('accepts a byte-order mark and surrounding white space', () => {
    expect(parseSettingsFile(`\uFEFF  ${file({ trigger: 'click' })}\n`).ok).toBe(true);
  });

  it('drops repeated list entries', () => {
    const r = parseSettingsFile(file({ deniedSites: ['example.org', 'example.org'] }));
    expect(r.ok && r.settings.deniedSites).toEqual(['example.org']);
  });

  it('returns lists the caller may change without touching the defaults', () => {
    const r = parseSettingsFile(file({}));
    if (!r.ok) throw new Error('expected ok');
    r.settings.deniedSites.push('x.org');
    expect(DEFAULT_SETTINGS.deniedSites).toEqual([]);
  });

  it('refuses an empty file', () => {
    expect(error(parseSettingsFile(''))).toEqual({ code: 'empty' });
    expect(error(parseSettingsFile(' \n\t'))).toEqual({ code: 'empty' });
  });

  it('refuses a file far too large to be settings', () => {
    expect(error(parseSettingsFile(' '.repeat(SETTINGS_FILE_MAX_CHARS + 1)))).toEqual({
      code: 'too-large',
      chars: SETTINGS_FILE_MAX_CHARS + 1,
    });
  });

  it('refuses invalid JSON and passes on the parser’s reason', () => {
    const e = error(parseSettingsFile('{"format": "netgov-lens-settings",'));
    expect(e?.code).toBe('not-json');
    expect(e && 'detail' in e && e.detail.length).toBeGreaterThan(0);
  });

  it.each(['[]', '42', '"netgov-lens-settings"', 'null'])('refuses JSON that is not an object: %s', (text) => {
    expect(error(parseSettingsFile(text))).toEqual({ code: 'not-object' });
  });

  it('refuses a file without our format marker, saying what it found', () => {
    expect(error(parseSettingsFile(JSON.stringify({ settings: { trigger: 'click' } })))).toEqual({
      code: 'wrong-format',
      found: '',
    });
    expect(error(parseSettingsFile(file({}, { format: 'other-extension' })))).toEqual({
      code: 'wrong-format',
      found: '"other-extension"',
    });
    expect(error(parseSettingsFile(JSON.stringify({ schemaVersion: 1, trigger: 'click' })))?.code).toBe('wrong-format');
  });

  it('refuses a file from a newer version', () => {
    expect(error(parseSettingsFile(file({}, { version: 2 })))).toEqual({ code: 'newer-version', version: 2 });
    expect(error(parseSettingsFile(file({ schemaVersion: 7 })))).toEqual({ code: 'newer-version', version: 7 });
  });

  it('refuses a file whose settings are missing or not an object', () => {
    expect(error(parseSettingsFile(JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 1 })))).toEqual({
      code: 'no-settings',
    });
    expect(error(parseSettingsFile(file({}, { settings: ['enabled'] })))).toEqual({ code: 'no-settings' });
  });

  it.each([
    ['trigger', 42, '42'],
    ['trigger', 'tap', '"tap"'],
    ['enabled', 'no', '"no"'],
    ['hoverDelayMs', 5000, '5000'],
    ['hoverDelayMs', 250.5, '250.5'],
    ['siteMode', null, 'null'],
    ['disabledTerms', 'icann', '"icann"'],
    ['highlightStyle', 'wavy', '"wavy"'],
    ['lookupProvider', 'bing', '"bing"'],
    ['citationFormat', 'mla', '"mla"'],
    ['occurrences', ['first'], '["first"]'],
  ])('refuses a bad %s (%j) and names the field and value', (field, value, preview) => {
    expect(error(parseSettingsFile(file({ enabled: false, [field]: value })))).toEqual({
      code: 'bad-value',
      field,
      value: preview,
    });
  });

  it('names the one bad entry of a site list', () => {
    expect(error(parseSettingsFile(file({ deniedSites: ['example.org', 'exa--mple-.org'] })))).toEqual({
      code: 'bad-value',
      field: 'deniedSites',
      value: '"exa--mple-.org"',
    });
    expect(error(parseSettingsFile(file({ allowedSites: ['Example.org'] })))).toEqual({
      code: 'bad-value',
      field: 'allowedSites',
      value: '["Example.org"]',
    });
  });
});

describe('previewValue', () => {
  it('shows short JSON and cuts long values', () => {
    expect(previewValue('x')).toBe('"x"');
    expect(previewValue(undefined)).toBe('undefined');
    const long = previewValue('a'.repeat(100));
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
  });
});
