// The link a tapped term sits in, and the popover's "Open link" for it: a plain navigation of the frame
// (or a new tab for target="_blank") to the link's address, which the page sees as any navigation. Not the
// anchor's click(): the page's handlers already saw the reader's tap, and a synthetic click would run them
// a second time with an event no reader made. Links that need the page's own click (see
// followable-link.ts) get no button: tapping the term again lets that click through.
import { followableLink } from '../core/followable-link.js';
import type { PopoverLink } from '../ui/popover/Popover.js';
import { guard } from './guard.js';

/** The first `<a href>` on an event's path (the tapped text's element outwards, through open shadow roots). */
export function linkOnPath(path: readonly EventTarget[]): HTMLAnchorElement | null {
  for (const node of path) {
    const el = node as Partial<HTMLAnchorElement>;
    // An HTML anchor (an SVG <a> has no string href) with an href attribute.
    if (el.localName === 'a' && typeof el.href === 'string' && el.hasAttribute?.('href')) {
      return node as HTMLAnchorElement;
    }
  }
  return null;
}

/** "Open link" for `anchor` in `win`, or undefined where only the page's own click can follow it. */
export function linkAction(win: Window, anchor: HTMLAnchorElement, beforeOpen: () => void): PopoverLink | undefined {
  const base = anchor.ownerDocument.querySelector<HTMLBaseElement>('base[target]');
  const link = followableLink({
    href: anchor.href,
    target: anchor.target || (base?.target ?? ''),
    rel: anchor.rel,
    referrerPolicy: anchor.getAttribute('referrerpolicy') ?? '',
    download: anchor.hasAttribute('download'),
    framed: win.top !== win,
  });
  if (!link) return undefined;
  return {
    label: link.label,
    // A sandboxed frame may refuse the navigation: that stays here.
    open: () =>
      guard(() => {
        beforeOpen();
        if (link.newTab) win.open(link.href, '_blank', 'noopener');
        else win.location.assign(link.href);
      }),
  };
}
