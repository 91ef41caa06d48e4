import { afterEach, describe, expect, it, vi } from 'vitest';
import { isHostElement, PopoverHost } from '../../../src/content/popover-host.js';
import type { EntryResponse } from '../../../src/platform/messaging.js';
import { mount, sleep, until } from './browser-helpers.js';
import { popoverUi } from '../../../src/content/popover-ui.js';

let hosts: PopoverHost[] = [];
afterEach(() => {
  for (const h of hosts) h.destroy();
  hosts = [];
});

const READY: EntryResponse = {
  entry: {
    id: 'icann',
    label: 'ICANN (ready)',
    category: 'institutions',
    aliases: ['ICANN'],
    definition: 'The body that coordinates the names and numbers of the internet.',
    kind: 'reference',
    positions: [],
    debates: [],
    related: [],
  },
  categoryLabel: 'Institutions',
  references: [],
  relatedLabels: {},
  debates: [],
};

function anchorOn(text: string): Range {
  const root = mount(`<p style="margin: 100px 40px">Read about <span id="t">${text}</span> here.</p>`);
  const range = document.createRange();
  range.selectNodeContents(root.querySelector('#t') as Element);
  return range;
}

const PROPS = {
  termId: 'icann',
  foundAs: 'ICANN',
  load: () => Promise.resolve(null),
  actions: { provider: 'scholar', citationFormat: 'bibtex', openUrl: vi.fn(), copy: vi.fn() },
  onHideTerm: vi.fn(),
  onOpenGlossary: vi.fn(),
  focusOnOpen: false,
} as const;

/** A UI imported on demand, as the content script does (content-popover.js): resolves when `arrive` is called. */
function lateUi() {
  let arrive = (): void => undefined;
  const source = vi.fn(() => new Promise<typeof popoverUi>((resolve) => (arrive = () => resolve(popoverUi))));
  return { source, arrive: () => arrive() };
}

function openHost(onClose = vi.fn()) {
  const host = new PopoverHost(document, popoverUi);
  hosts.push(host);
  host.open({ range: anchorOn('ICANN') }, PROPS, onClose);
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
    host.open({ range: anchorOn('ICANN') }, PROPS, vi.fn());
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

  it('renders a term ahead of its open laid out but hidden from view, pointer and focus; the open reveals those elements', async () => {
    const host = new PopoverHost(document, popoverUi);
    hosts.push(host);
    const range = anchorOn('ICANN');
    const props = (focusOnOpen: boolean) =>
      ({
        termId: 'icann',
        foundAs: 'ICANN',
        load: () => Promise.resolve(READY),
        ready: READY,
        actions: { provider: 'scholar', citationFormat: 'bibtex', openUrl: vi.fn(), copy: vi.fn() },
        onHideTerm: vi.fn(),
        onOpenGlossary: vi.fn(),
        focusOnOpen,
      }) as const;
    host.prerender(props(false));
    const shadow = hostElement().shadowRoot as ShadowRoot;
    const frame = shadow.querySelector('.frame') as HTMLElement;
    const title = shadow.querySelector('.popover h2') as HTMLElement;
    expect(title.textContent).toBe('ICANN (ready)');
    expect(host.isOpen).toBe(false);
    // Laid out (the open only places it) ...
    const box = (shadow.querySelector('.popover') as HTMLElement).getBoundingClientRect();
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(20);
    // ... but not seen, not hit by the pointer where it lies, and nothing in it takes the focus.
    expect(frame.checkVisibility({ visibilityProperty: true })).toBe(false);
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    expect(hit === hostElement() || host.contains(hit)).toBe(false);
    (shadow.querySelector('button.close') as HTMLElement).focus();
    expect(shadow.activeElement).toBeNull();
    // The keyboard's open of that term: the same elements, placed and shown at once, with the focus moved in.
    host.open({ range }, props(true), vi.fn());
    expect(shadow.querySelector('.popover h2')).toBe(title);
    expect(host.isOpen).toBe(true);
    expect(frame.checkVisibility({ visibilityProperty: true })).toBe(true);
    expect(frame.style.top).not.toBe('');
    await until(() => shadow.activeElement === title);
  });

  it('renders nothing ahead while a popover is open, and another term replaces a prerendered one', () => {
    const { host } = openHost();
    const shadow = hostElement().shadowRoot as ShadowRoot;
    const base = {
      foundAs: 'x',
      load: () => Promise.resolve(READY),
      ready: READY,
      actions: { provider: 'scholar', citationFormat: 'bibtex', openUrl: vi.fn(), copy: vi.fn() },
      onHideTerm: vi.fn(),
      onOpenGlossary: vi.fn(),
      focusOnOpen: false,
    } as const;
    host.prerender({ ...base, termId: 'other' });
    expect(host.isOpen).toBe(true);
    expect(shadow.querySelector('.popover h2')?.textContent).not.toBe('ICANN (ready)');
    host.close(false);
    host.prerender({ ...base, termId: 'icann' });
    const first = shadow.querySelector('.popover h2');
    host.prerender({ ...base, termId: 'other', ready: { ...READY, entry: { ...READY.entry, label: 'Other' } } });
    expect(shadow.querySelector('.popover h2')?.textContent).toBe('Other');
    expect(shadow.querySelector('.popover h2')).not.toBe(first);
    expect(host.isOpen).toBe(false);
  });

  it('imports the UI once, when a popover is first about to show; an open waits for it, a close cancels it', async () => {
    const ui = lateUi();
    const host = new PopoverHost(document, ui.source);
    hosts.push(host);
    host.announce('ready');
    expect(ui.source).not.toHaveBeenCalled();
    host.open({ range: anchorOn('ICANN') }, PROPS, vi.fn());
    host.prepare();
    expect(ui.source).toHaveBeenCalledTimes(1);
    // Not revealed empty and unstyled while the UI is on its way.
    expect(host.isOpen).toBe(false);
    expect(host.opening).toBe(true);
    host.close(false);
    expect(host.opening).toBe(false);
    ui.arrive();
    await sleep(20);
    expect(host.isOpen).toBe(false);
    const shadow = hostElement().shadowRoot as ShadowRoot;
    expect(shadow.querySelector('style')?.textContent).toBe(popoverUi.css);
    host.open({ range: anchorOn('ICANN') }, PROPS, vi.fn());
    expect(host.isOpen).toBe(true);
    await until(() => !!shadow.querySelector('.popover h2'));
    expect(ui.source).toHaveBeenCalledTimes(1);
  });

  it('opens once the UI arrives when asked before it did (a keyboard open)', async () => {
    const ui = lateUi();
    const host = new PopoverHost(document, ui.source);
    hosts.push(host);
    host.open({ range: anchorOn('ICANN') }, PROPS, vi.fn());
    expect(host.isOpen).toBe(false);
    ui.arrive();
    await until(() => host.isOpen);
    const shadow = hostElement().shadowRoot as ShadowRoot;
    await until(() => !!shadow.querySelector('.popover h2'));
    expect(shadow.querySelector('style')?.textContent?.length).toBeGreaterThan(500);
  });

  it('removes hosts an older copy of the extension left behind', () => {
    const stale = document.createElement('div');
    stale.setAttribute('data-netgov-lens-host', '');
    document.documentElement.append(stale);
    PopoverHost.removeStale(document);
    expect(stale.isConnected).toBe(false);
  });
});
