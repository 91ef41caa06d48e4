// What a page's own scripts try, to read a popover in a closed shadow root: shared by closed-shadow.spec.ts
// (Chromium) and firefox/closed-shadow.spec.ts. Each function runs in the page's world (an init script or
// page.evaluate), so each is self-contained.

export interface PageSpy {
  /** Every call of the page's (patched) Element.prototype.attachShadow, as "TAG:mode". */
  attachCalls: string[];
  /** Roots the patch made (forced open): anything of ours here would be readable. */
  captured: ShadowRoot[];
  /** Frames the page watched document.getAnimations() on, and events whose composedPath() it read. */
  frames: number;
  events: number;
  /** Nodes those reached that are not in the page's own tree (inside a shadow root), as "where:TAG". */
  leaks: string[];
}

/**
 * An init script (before any script of the page, and before the content script, at document_idle): a page
 * that wants to read the popover patches attachShadow to capture roots (and force them open), and watches
 * every animation and event for nodes of the popover.
 */
export function pageSpy(): void {
  const spy: PageSpy = { attachCalls: [], captured: [], frames: 0, events: 0, leaks: [] };
  (window as unknown as { spy: PageSpy }).spy = spy;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    spy.attachCalls.push(`${this.tagName}:${init.mode}`);
    const root = attach.call(this, { ...init, mode: 'open' });
    spy.captured.push(root);
    return root;
  };
  const outside = (n: unknown): boolean => n instanceof Node && n.getRootNode() !== document;
  const watchAnimations = (): void => {
    spy.frames++;
    for (const a of document.getAnimations()) {
      const target = (a.effect as KeyframeEffect | null)?.target;
      if (outside(target)) spy.leaks.push(`animation:${(target as Element).tagName}`);
    }
    requestAnimationFrame(watchAnimations);
  };
  requestAnimationFrame(watchAnimations);
  for (const type of ['pointerover', 'pointermove', 'mouseover', 'click', 'keydown', 'focusin', 'selectstart']) {
    addEventListener(
      type,
      (e) => {
        spy.events++;
        for (const n of e.composedPath()) if (outside(n)) spy.leaks.push(`${type}:${(n as Element).nodeName}`);
        if (outside(e.target)) spy.leaks.push(`${type}-target`);
      },
      true,
    );
  }
}

/** After the spy: the page attaches a closed root itself; the patch must record and capture it (forced open). */
export function spyIsLive(): { calls: string[]; captured: boolean; open: boolean } {
  const div = document.createElement('div');
  const root = div.attachShadow({ mode: 'closed' });
  const spy = (window as unknown as { spy: PageSpy }).spy;
  return { calls: spy.attachCalls, captured: spy.captured.includes(root), open: div.shadowRoot === root };
}

export interface PageView {
  shadowRoot: ShadowRoot | null;
  children: number;
  /** Which of the given pieces of popover text the page could read somewhere. */
  found: string[];
  /** Elements that document.querySelectorAll('*') returns from outside the page's tree. */
  foreignNodes: number;
  hostRoot: boolean;
  /** elementFromPoint at `at` is our host; elementsFromPoint there gives nothing inside it. */
  atPoint: boolean;
  allAtPoint: number;
  caretInside: boolean;
  active: boolean;
  spy: PageSpy | null;
}

/** page.evaluate: everything the page's scripts can read of the host, with the popover open over `at`. */
export function whatThePageSees({ at, texts }: { at: { x: number; y: number }; texts: string[] }): PageView {
  const host = document.querySelector('[data-netgov-lens-host]') as HTMLElement;
  const readable = [
    document.documentElement.textContent ?? '',
    document.documentElement.innerText,
    document.body.innerText,
    host.textContent ?? '',
    host.innerText,
    host.outerHTML,
    host.getHTML({ serializableShadowRoots: true }),
    document.documentElement.getHTML({ serializableShadowRoots: true }),
    String(getSelection()),
    [...document.querySelectorAll('*')].map((e) => e.textContent).join(' '),
  ].join('\n');
  const caret = document.caretPositionFromPoint(at.x, at.y);
  const spy = (window as unknown as { spy?: PageSpy }).spy ?? null;
  return {
    shadowRoot: host.shadowRoot,
    children: host.childNodes.length,
    found: texts.filter((t) => readable.includes(t)),
    foreignNodes: [...document.querySelectorAll('*')].filter((e) => e.getRootNode() !== document).length,
    hostRoot: host.getRootNode() === document,
    atPoint: document.elementFromPoint(at.x, at.y) === host,
    allAtPoint: document.elementsFromPoint(at.x, at.y).filter((e) => e.getRootNode() !== document).length,
    caretInside: !!caret && caret.offsetNode.getRootNode() !== document,
    active: document.activeElement === host,
    spy: spy && { ...spy, captured: [] },
  };
}

/** page.evaluate: the page's own events on our host (clicks, keys, focus, form and pointer events). */
export function dispatchOnHost(): void {
  const host = document.querySelector('[data-netgov-lens-host]') as HTMLElement;
  host.click();
  host.focus();
  for (const key of ['Enter', ' ', 'Tab', 'ArrowDown'])
    for (const type of ['keydown', 'keyup'])
      host.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, composed: true, cancelable: true }));
  for (const type of ['input', 'change', 'submit', 'pointerleave', 'mouseleave', 'focusout'])
    host.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: 10, clientY: 10 }));
}

/**
 * An init script: the page defines our tag name, and every name we might fall back to as soon as it appears,
 * with a class that takes ElementInternals (internals.shadowRoot reads even a closed root of an element that
 * was a defined custom element when the root was attached).
 */
export function squatOurNames(): void {
  const internals: ElementInternals[] = [];
  (window as unknown as { squatted: ElementInternals[] }).squatted = internals;
  const squat = (name: string): void =>
    customElements.define(
      name,
      class extends HTMLElement {
        constructor() {
          super();
          internals.push(this.attachInternals());
        }
      },
    );
  squat('netgov-lens-ui');
  // On the document itself: an init script runs before <html> exists.
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n instanceof HTMLElement && n.localName.startsWith('netgov-lens-ui-') && !customElements.get(n.localName))
          squat(n.localName);
  }).observe(document, { childList: true, subtree: true });
}

/** page.evaluate, after squatOurNames: what the squatting page holds of our host. */
export function whatTheSquatterHolds(): {
  tag: string;
  upgraded: boolean;
  internals: number;
  roots: number;
  shadowRoot: ShadowRoot | null;
} {
  const host = document.querySelector('[data-netgov-lens-host]') as HTMLElement;
  const internals = (window as unknown as { squatted: ElementInternals[] }).squatted;
  return {
    tag: host.localName,
    upgraded: customElements.get(host.localName) !== undefined,
    internals: internals.length,
    roots: internals.filter((i) => i.shadowRoot !== null).length,
    shadowRoot: host.shadowRoot,
  };
}

/** Pieces of six words of `text` that `page` (the article's own text) does not contain. */
export function piecesNotIn(text: string, page: string): string[] {
  const words = text.split(/\s+/);
  return [...Array(Math.floor(words.length / 6)).keys()]
    .map((i) => words.slice(i * 6, i * 6 + 6).join(' '))
    .filter((p) => p.length > 20 && !page.includes(p));
}

/**
 * page.evaluate: where the page finds our host under elementFromPoint, on a 16-pixel grid over the viewport
 * (a page can map the open popover's rectangle this way, not its content): how many points, and their box.
 */
export function hostArea(): { points: number; box: { x: number; y: number; width: number; height: number } | null } {
  const host = document.querySelector('[data-netgov-lens-host]');
  let points = 0;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 8; y < innerHeight; y += 16)
    for (let x = 8; x < innerWidth; x += 16) {
      if (!host || document.elementFromPoint(x, y) !== host) continue;
      points++;
      [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
    }
  return { points, box: points ? { x: left, y: top, width: right - left, height: bottom - top } : null };
}
