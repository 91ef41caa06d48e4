import { afterEach, describe, expect, it } from 'vitest';
import { createAnnouncer } from '../../../src/content/announcer.js';
import { isHostElement, PopoverHost } from '../../../src/content/popover-host.js';
import { mount } from './browser-helpers.js';
import { popoverUi } from '../../../src/content/popover-ui.js';

let hosts: PopoverHost[] = [];
afterEach(() => {
  for (const h of hosts) h.destroy();
  hosts = [];
});

const hostElements = (): Element[] => [...document.documentElement.children].filter(isHostElement);

describe('announcer', () => {
  it('is a polite status, visually hidden yet rendered, saying each text even when it repeats', () => {
    const root = mount('<p>page</p>');
    const announcer = createAnnouncer(document, root);
    const region = root.querySelector('[role="status"]') as HTMLElement;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    announcer.announce('ICANN — mention 1 of 2');
    expect(region.textContent).toBe('ICANN — mention 1 of 2');
    const box = region.getBoundingClientRect();
    expect(box.width * box.height).toBeLessThanOrEqual(1);
    // Not display:none or visibility:hidden, which would take it out of the accessibility tree.
    expect(region.checkVisibility({ visibilityProperty: true })).toBe(true);
    announcer.announce('ICANN — mention 1 of 2');
    expect(region.textContent).toBe('ICANN — mention 1 of 2\u00a0');
    announcer.announce('ICANN — mention 1 of 2');
    expect(region.textContent).toBe('ICANN — mention 1 of 2');
  });

  it("lives in the popover host's shadow root, outside the popover, and outlasts its closing", () => {
    mount('<p>page</p>');
    const host = new PopoverHost(document, popoverUi);
    hosts.push(host);
    expect(hostElements()).toHaveLength(0);
    host.announce('net neutrality — mention 2 of 3');
    expect(hostElements()).toHaveLength(1);
    const shadow = hostElements()[0]?.shadowRoot as ShadowRoot;
    const regions = shadow.querySelectorAll('[role="status"]');
    expect(regions).toHaveLength(1);
    expect(regions[0]?.textContent).toBe('net neutrality — mention 2 of 3');
    expect(regions[0]?.closest('.frame')).toBeNull();
    host.close(false);
    host.announce('ICANN — mention 3 of 3');
    expect(shadow.querySelectorAll('[role="status"]')).toHaveLength(1);
    expect(shadow.querySelector('[role="status"]')?.textContent?.trim()).toBe('ICANN — mention 3 of 3');
    expect(hostElements()).toHaveLength(1);
  });
});
