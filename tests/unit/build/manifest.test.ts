import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Browser, browserManifest } from '../../../scripts/manifest.js';

const source = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'manifest.json'), 'utf8')) as Record<
  string,
  unknown
>;

describe.each<Browser>(['chrome', 'firefox'])('the %s manifest', (browser) => {
  const m = browserManifest(source, browser, '1.2.3');

  it('asks for the minimum: three permissions (and Chrome its side panel), no host permissions but the optional one for Zotero, only the main content script web-accessible', () => {
    expect(m.permissions).toEqual(
      browser === 'chrome'
        ? ['storage', 'contextMenus', 'activeTab', 'sidePanel']
        : ['storage', 'contextMenus', 'activeTab'],
    );
    // Zotero's local connector, asked for only when the reader switches on "Save to Zotero".
    expect(m.optional_host_permissions).toEqual(['http://127.0.0.1:23119/*']);
    for (const key of ['host_permissions', 'externally_connectable']) expect(m, key).not.toHaveProperty(key);
    // The loader imports the main content script, which imports the popover's UI; pages cannot probe Chrome's
    // fixed URL for them (dynamic URL), and Firefox has no such key (its moz-extension: id is random per
    // install already).
    expect(m.web_accessible_resources).toEqual([
      {
        resources: ['content-main.js', 'content-popover.js'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
      },
    ]);
  });

  it("injects the content script into every web frame but the ad networks' own hosts", () => {
    const [script, ...others] = m.content_scripts as { matches: string[]; exclude_matches: string[] }[];
    expect(others).toEqual([]);
    expect(script?.matches).toEqual(['http://*/*', 'https://*/*']);
    // Whole registrable domains of ad servers (their frames hold creatives, never reading), each with its
    // subdomains: a frame served from one costs the page nothing at all, not even the loader.
    const domains = (script?.exclude_matches ?? []).map((p) => /^\*:\/\/\*\.([a-z0-9-]+\.[a-z]+)\/\*$/.exec(p)?.[1]);
    expect(domains).not.toContain(undefined);
    expect(domains).toEqual(
      expect.arrayContaining(['doubleclick.net', 'googlesyndication.com', 'amazon-adsystem.com']),
    );
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('lets extension pages and the background load only their own scripts and reach only Zotero on this machine', () => {
    const csp = (m.content_security_policy as { extension_pages: string }).extension_pages;
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'script-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'connect-src': 'http://127.0.0.1:23119',
    });
  });

  it("shows the page panel through the browser's own key: side_panel in Chrome, sidebar_action in Firefox", () => {
    const [own, other] = browser === 'chrome' ? ['side_panel', 'sidebar_action'] : ['sidebar_action', 'side_panel'];
    expect(m).not.toHaveProperty(other);
    expect(Object.values(m[own] as Record<string, unknown>)).toContain('sidepanel.html');
  });
});
