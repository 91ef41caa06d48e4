import { describe, expect, it } from 'vitest';
import { applySettingsChange, parseSettingsChange } from '../../../src/core/settings-change.js';
import { DEFAULT_SETTINGS } from '../../../src/core/settings.js';

describe('applySettingsChange', () => {
  it('hides a term once', () => {
    const once = applySettingsChange({ ...DEFAULT_SETTINGS }, { kind: 'hide-term', id: 'icann' });
    expect(applySettingsChange(once, { kind: 'hide-term', id: 'icann' }).disabledTerms).toEqual(['icann']);
  });

  it('toggles a site by the core policy, leaving other fields alone', () => {
    const next = applySettingsChange(
      { ...DEFAULT_SETTINGS, trigger: 'click' },
      { kind: 'toggle-site', hostname: 'example.org' },
    );
    expect(next.deniedSites).toEqual(['example.org']);
    expect(next.trigger).toBe('click');
  });

  it('sets only the patched fields', () => {
    const next = applySettingsChange(
      { ...DEFAULT_SETTINGS, disabledTerms: ['igf'] },
      { kind: 'patch', patch: { hoverDelayMs: 500 } },
    );
    expect(next).toEqual({ ...DEFAULT_SETTINGS, disabledTerms: ['igf'], hoverDelayMs: 500 });
  });
});

describe('parseSettingsChange', () => {
  it('copies a patch, so that the sender cannot change it afterwards', () => {
    const list = ['example.org'];
    const parsed = parseSettingsChange({ kind: 'patch', patch: { deniedSites: list } });
    list.push('evil.example');
    expect(parsed).toEqual({ kind: 'patch', patch: { deniedSites: ['example.org'] } });
  });

  it('lower-cases a host', () => {
    expect(parseSettingsChange({ kind: 'toggle-site', hostname: 'News.Example.ORG' })).toEqual({
      kind: 'toggle-site',
      hostname: 'news.example.org',
    });
  });

  it('refuses a patch with any invalid field, and a host made of dots', () => {
    expect(parseSettingsChange({ kind: 'patch', patch: { trigger: 'click', siteMode: 'some' } })).toBeUndefined();
    expect(parseSettingsChange({ kind: 'patch', patch: { __proto__: { enabled: false } } })).toEqual({
      kind: 'patch',
      patch: {},
    });
    expect(parseSettingsChange({ kind: 'toggle-site', hostname: '...' })).toBeUndefined();
  });
});
