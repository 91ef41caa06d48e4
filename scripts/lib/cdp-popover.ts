// Reads the popover as the browser sees it, through the Chrome DevTools Protocol (DOM.getDocument with
// pierce, which goes through closed shadow roots too): for npm start and the closed-shadow test, which run
// the shipped build, whose popover no page script, locator or page.evaluate can reach.
import type { Page } from '@playwright/test';

/** The part of a CDP DOM.Node used here. */
interface CdpNode {
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: string;
}

export interface CdpPopover {
  /** The host's shadow root mode as the browser reports it ("closed" in the shipped build). */
  mode: string;
  /** Whether the popover's frame is shown (not `hidden`). */
  visible: boolean;
  /** The popover's title (its h2), "" before it is rendered. */
  title: string;
  /** All its text, styles left out. */
  text: string;
  /** Where the frame and the title are on the viewport (CSS pixels), null while not laid out. */
  frameBox: Box | null;
  titleBox: Box | null;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const attributesOf = (node: CdpNode): Map<string, string> => {
  const list = node.attributes ?? [];
  const out = new Map<string, string>();
  for (let i = 0; i + 1 < list.length; i += 2) out.set(list[i] as string, list[i + 1] as string);
  return out;
};

function find(node: CdpNode, test: (n: CdpNode) => boolean): CdpNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = find(child, test);
    if (hit) return hit;
  }
  return null;
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeName === 'STYLE') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join('');
}

/** The popover of the page's top document, or null while its host does not exist. */
export async function popoverThroughCdp(page: Page): Promise<CdpPopover | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // Frames' documents are left out (pierce would enter them): the host is a child of this document's <html>.
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const html = (root.children ?? []).find((n) => n.nodeName === 'HTML');
    const host = (html?.children ?? []).find((n) => attributesOf(n).has('data-netgov-lens-host'));
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const frame = find(shadow, (n) => (attributesOf(n).get('class') ?? '').split(' ').includes('frame'));
    const heading = frame && find(frame, (n) => n.nodeName === 'H2');
    const boxOf = async (node: CdpNode | null): Promise<Box | null> => {
      if (!node) return null;
      try {
        const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId });
        const [x1, y1, x2, , , y3] = model.border as number[];
        return {
          x: x1 as number,
          y: y1 as number,
          width: (x2 as number) - (x1 as number),
          height: (y3 as number) - (y1 as number),
        };
      } catch {
        return null; // not rendered (hidden)
      }
    };
    return {
      mode: shadow.shadowRootType ?? '',
      visible: !!frame && !attributesOf(frame).has('hidden'),
      title: heading ? textOf(heading).trim() : '',
      text: frame ? textOf(frame).replace(/\s+/g, ' ').trim() : '',
      frameBox: await boxOf(frame),
      titleBox: await boxOf(heading),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Waits until the popover is shown with its entry (title neither empty nor "Loading…"), and returns it. */
export async function waitForPopoverThroughCdp(page: Page, timeoutMs = 10_000): Promise<CdpPopover> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const popover = await popoverThroughCdp(page);
    if (popover?.visible && popover.title !== '' && !popover.title.startsWith('Loading')) return popover;
    if (Date.now() > deadline) throw new Error(`no popover after ${timeoutMs} ms: ${JSON.stringify(popover)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
