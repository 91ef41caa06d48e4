// Which link under a term the popover offers to follow ("Open link", for a tap that opened the popover
// instead of the link), and how it names the address. Offered only where following it reproduces what the
// page's link does: an http(s) address, in its own frame or a new tab, with the browser's usual referrer.
// Any other link is followed by tapping the term again: the page's own click, untouched.

/** What the link element says about where and how it goes. */
export interface LinkFacts {
  /** The absolute address (the element's resolved href). */
  href: string;
  /** Its target, or the document's <base target>; empty for none. */
  target: string;
  rel: string;
  /** Its referrerpolicy attribute; empty for none. */
  referrerPolicy: string;
  /** Whether it has a download attribute. */
  download: boolean;
  /** Whether the document is in a frame (where _top and _parent leave it). */
  framed: boolean;
}

export interface FollowableLink {
  href: string;
  /** Host and path, shortened: a phone shows no status bar, so the popover says where the link goes. */
  label: string;
  /** target="_blank": a new tab, without an opener (as browsers treat _blank links); else this frame. */
  newTab: boolean;
}

const LABEL_MAX = 48;

/** Where `target` opens the link: here, a new tab, or somewhere the popover cannot reach faithfully. */
function destination(target: string, framed: boolean): 'here' | 'new-tab' | null {
  const t = target.trim().toLowerCase();
  if (t === '' || t === '_self' || (!framed && (t === '_top' || t === '_parent'))) return 'here';
  return t === '_blank' ? 'new-tab' : null;
}

/** The link as the popover can follow it, or null when only the page's own click can. */
export function followableLink(link: LinkFacts): FollowableLink | null {
  let url: URL;
  try {
    url = new URL(link.href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // A download, or a referrer rule of the link's own: following by address would not honour them.
  if (link.download || link.referrerPolicy !== '' || /(^|\s)(noreferrer|opener)(\s|$)/i.test(link.rel)) return null;
  const where = destination(link.target, link.framed);
  if (!where) return null;
  const path = url.pathname === '/' ? '' : url.pathname;
  const full = `${url.host.replace(/^www\./, '')}${path}${url.search ? '?…' : ''}`;
  const label = full.length > LABEL_MAX ? `${full.slice(0, LABEL_MAX - 1)}…` : full;
  return { href: url.href, label, newTab: where === 'new-tab' };
}
