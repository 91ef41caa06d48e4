import { afterEach, describe, expect, it, vi } from 'vitest';
import { isHostElement, PopoverHost } from '../../../src/content/popover-host.js';
import { mount, sleep, until } from './browser-helpers.js';

let hosts: PopoverHost[] = [];
afterEach(() => {
  for (const h of hosts) h.destroy();
  hosts = [];
});

function anchorOn(text: string): Range {
  const root = mount(`<p style="margin: 100px 40px">Read about <span id="t">${text}</span> here.</p>`);
  const range = document.createRange();
  range.selectNodeContents(root.querySelector('#t') as Element);
  return range;
}

function openHost(onClose = vi.fn()) {
  const host = new PopoverHost(document);
  hosts.push(host);
  const props = {
    termId: 'icann',
    foundAs: 'ICANN',
    load: () => Promise.resolve(null),
    actions: { provider: 'scholar', citationFormat: 'bibtex', openUrl: vi.fn(), copy: vi.fn() },
    onHideTerm: vi.fn(),
    onOpenGlossary: vi.fn(),
    focusOnOpen: false,
  } as const;
  host.open({ range: anchorOn('ICANN') }, props, onClose);
  return { host, onClose };
}

function hostElement(): HTMLElement {
  const el = document.documentElement.lastElementChild;
  if (!(el instanceof HTMLElement) || !isHostElement(el)) throw new Error('no host element');
  return el;
}

describe('PopoverHost in Chromium', () => {
  it('opens in a shadow root under <html>, styled, below the term', async () => {
    const { host } = openHost();
    const el = hostElement();
    expect(el.parentElement).toBe(document.documentElement);
    expect(host.isOpen).toBe(true);
    const shadow = el.shadowRoot as ShadowRoot;
    expect(shadow.querySelector('style')?.textContent?.length).toBeGreaterThan(500);
    await until(() => !!shadow.querySelector('.popover h2'));
    const frame = shadow.querySelector('.frame') as HTMLElement;
    await until(() => frame.style.top !== '');
    const term = (document.querySelector('#t') as HTMLElement).getBoundingClientRect();
    expect(frame.getBoundingClientRect().top).toBeGreaterThan(term.bottom);
    // Events from inside the shadow root reach the window retargeted to the host element.
    expect(host.contains(el)).toBe(true);
    expect(host.contains(document.body)).toBe(false);
  });

  it('closes, hides the frame and can be opened again; destroy removes the element', () => {
    const { host } = openHost();
    host.close(false);
    expect(host.isOpen).toBe(false);
    expect((hostElement().shadowRoot?.querySelector('.frame') as HTMLElement).hidden).toBe(true);
    host.open(
      { range: anchorOn('ICANN') },
      {
        termId: 'icann',
        foundAs: 'ICANN',
        load: () => Promise.resolve(null),
        actions: { provider: 'scholar', citationFormat: 'bibtex', openUrl: vi.fn(), copy: vi.fn() },
        onHideTerm: vi.fn(),
        onOpenGlossary: vi.fn(),
        focusOnOpen: false,
      },
      vi.fn(),
    );
    expect(host.isOpen).toBe(true);
    host.destroy();
    expect(document.querySelector('[data-netgov-lens-host]')).toBeNull();
  });

  it('Escape inside the popover closes it and reports it', async () => {
    const { host } = openHost();
    const onClosed = vi.fn();
    host.onClosed = onClosed;
    const frame = hostElement().shadowRoot?.querySelector('.frame') as HTMLElement;
    // Untrusted (script-made) key events are stopped at the shadow root: only the reader acts in it.
    frame.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(host.isOpen).toBe(true);
    const { userEvent } = await import('vitest/browser');
    (hostElement().shadowRoot?.querySelector('button.close') as HTMLElement).focus();
    await userEvent.keyboard('{Escape}');
    expect(host.isOpen).toBe(false);
    expect(onClosed).toHaveBeenCalledOnce();
  });

  it("stops the page's scripted clicks in the shadow root", async () => {
    const { host, onClose } = openHost();
    const close = hostElement().shadowRoot?.querySelector('button.close') as HTMLElement;
    close.click();
    await sleep(20);
    expect(host.isOpen).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('takes another name when the page has defined netgov-lens-ui itself', () => {
    customElements.define(
      'netgov-lens-ui',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'closed' });
        }
      },
    );
    openHost();
    const el = hostElement();
    expect(el.tagName).toMatch(/^NETGOV-LENS-UI-[a-z0-9]+$/i);
    expect(isHostElement(el)).toBe(true);
    // The page's own element of that name, without our marker, is not ours.
    expect(isHostElement(document.createElement('netgov-lens-ui'))).toBe(false);
  });

  it('removes hosts an older copy of the extension left behind', () => {
    const stale = document.createElement('div');
    stale.setAttribute('data-netgov-lens-host', '');
    document.documentElement.append(stale);
    PopoverHost.removeStale(document);
    expect(stale.isConnected).toBe(false);
  });
});
