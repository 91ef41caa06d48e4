// Where the popover goes, as pure geometry: below the term's line box (or above it when there is no room
// below), inside the viewport, its arrow pointing at the term, its height clamped to the room it has. The
// content script measures (popover-host.ts) and applies; everything it decides is here, testable without a DOM.

/** A rectangle in viewport (client) coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface PlacementInput {
  /** The term's client rects (one or more per line box; a wrapped term has several lines). */
  rects: readonly Box[];
  /** The pointer, when the pointer opened it: the line box nearest to it is the one pointed at. */
  point?: { x: number; y: number } | undefined;
  /** The popover's natural size (before any height clamp). */
  size: Size;
  viewport: Size;
  /** What the term is visible through (the viewport cut by scrolling ancestors); the viewport if omitted. */
  clip?: Box | undefined;
}

export interface Placement {
  /** Top-left corner of the popover, in viewport coordinates. */
  x: number;
  y: number;
  side: 'top' | 'bottom';
  /** The arrow's left edge, from the popover's left edge. */
  arrowX: number;
  /** The height the popover may take (its content scrolls inside beyond that). */
  maxHeight: number;
  /** The term is wholly out of view: the popover would float over unrelated text. */
  referenceHidden: boolean;
}

/** Space kept between the popover and the viewport's edges. */
export const VIEWPORT_PADDING = 8;
/** Gap between the term and the popover (room for the arrow). */
const OFFSET = 10;
/** The arrow's width, and the least distance of the arrow from the popover's corners. */
const ARROW_SIZE = 10;
const ARROW_PADDING = 12;
/** Below this, a popover would show too little to read: it keeps this height and may overflow instead. */
const MIN_HEIGHT = 160;

/** Below this viewport width the popover is a bottom sheet, not a box beside the term (a phone held upright). */
export const SHEET_MAX_WIDTH = 600;

const clamp = (min: number, value: number, max: number): number => Math.max(min, Math.min(value, max));

/**
 * The line boxes of a range's client rects: rects whose tops lie within half a line of each other belong
 * to one line and are merged. Empty rects (collapsed boundaries) are left out.
 */
export function lineBoxes(rects: readonly Box[]): Box[] {
  const sorted = rects.filter((r) => r.right > r.left && r.bottom > r.top).sort((a, b) => a.top - b.top);
  const lines: Box[] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    if (line && r.top - line.top <= (line.bottom - line.top) / 2) {
      line.left = Math.min(line.left, r.left);
      line.right = Math.max(line.right, r.right);
      line.bottom = Math.max(line.bottom, r.bottom);
    } else {
      // Copied field by field: a DOMRect's fields are getters, which spreading would drop.
      lines.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
  }
  return lines;
}

function distance(box: Box, p: { x: number; y: number }): number {
  const dx = Math.max(box.left - p.x, 0, p.x - box.right);
  const dy = Math.max(box.top - p.y, 0, p.y - box.bottom);
  return Math.hypot(dx, dy);
}

/** The line pointed at, else the last line for a popover below and the first for one above. */
function lineFor(lines: Box[], side: 'top' | 'bottom', point: PlacementInput['point']): Box {
  if (point) {
    let best = lines[0] as Box;
    for (const line of lines) if (distance(line, point) < distance(best, point)) best = line;
    return best;
  }
  return (side === 'bottom' ? lines[lines.length - 1] : lines[0]) as Box;
}

/** Places the popover next to the term; see Placement. */
export function placePopover(input: PlacementInput): Placement {
  const { size, viewport } = input;
  const lines = lineBoxes(input.rects);
  const clip = input.clip ?? { left: 0, top: 0, right: viewport.width, bottom: viewport.height };
  const referenceHidden =
    lines.length === 0 ||
    lines.every((l) => l.bottom <= clip.top || l.top >= clip.bottom || l.right <= clip.left || l.left >= clip.right);
  if (lines.length === 0) {
    return {
      x: VIEWPORT_PADDING,
      y: VIEWPORT_PADDING,
      side: 'bottom',
      arrowX: ARROW_PADDING,
      maxHeight: MIN_HEIGHT,
      referenceHidden,
    };
  }
  const below = lineFor(lines, 'bottom', input.point);
  const above = lineFor(lines, 'top', input.point);
  const roomBelow = viewport.height - VIEWPORT_PADDING - (below.bottom + OFFSET);
  const roomAbove = above.top - OFFSET - VIEWPORT_PADDING;
  // Below when it fits there; else above when it fits there; else wherever there is more room.
  const side = size.height <= roomBelow || (size.height > roomAbove && roomBelow >= roomAbove) ? 'bottom' : 'top';
  const line = side === 'bottom' ? below : above;
  const room = side === 'bottom' ? roomBelow : roomAbove;
  const maxHeight = Math.max(MIN_HEIGHT, Math.floor(Math.min(size.height, room)));
  const height = Math.min(size.height, maxHeight);
  const y = side === 'bottom' ? line.bottom + OFFSET : line.top - OFFSET - height;
  const x = clamp(VIEWPORT_PADDING, line.left, viewport.width - VIEWPORT_PADDING - size.width);
  const centre = (line.left + line.right) / 2 - x - ARROW_SIZE / 2;
  const arrowX = clamp(ARROW_PADDING, centre, Math.max(ARROW_PADDING, size.width - ARROW_PADDING - ARROW_SIZE));
  return { x, y, side, arrowX, maxHeight, referenceHidden };
}

export type Corner = 'bottom-right' | 'bottom-left' | 'top-left' | 'top-right';

/** The corners a pinned popover docks to, in the order a click on its move handle goes through them. */
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-left', 'top-right'];

/** Top-left of a popover of `size` docked to `corner` of the viewport. */
export function cornerPosition(corner: Corner, size: Size, viewport: Size): { x: number; y: number } {
  const right = corner.endsWith('right');
  const bottom = corner.startsWith('bottom');
  return keepInView(
    {
      x: right ? viewport.width - VIEWPORT_PADDING - size.width : VIEWPORT_PADDING,
      y: bottom ? viewport.height - VIEWPORT_PADDING - size.height : VIEWPORT_PADDING,
    },
    size,
    viewport,
  );
}

/** `at` moved the least so that a popover of `size` there lies inside the viewport (top-left first). */
export function keepInView(at: { x: number; y: number }, size: Size, viewport: Size): { x: number; y: number } {
  return {
    x: clamp(VIEWPORT_PADDING, at.x, viewport.width - VIEWPORT_PADDING - size.width),
    y: clamp(VIEWPORT_PADDING, at.y, viewport.height - VIEWPORT_PADDING - size.height),
  };
}

/**
 * How far to scroll the page down so that a term under a bottom sheet shows above it, `VIEWPORT_PADDING`
 * clear of the sheet's top; 0 when it already does. Never so far that the term's top leaves the viewport
 * (a term taller than the room above the sheet keeps its first line in view).
 */
export function revealAboveSheet(term: Box, sheetTop: number): number {
  const covered = term.bottom + VIEWPORT_PADDING - sheetTop;
  if (covered <= 0) return 0;
  return Math.max(0, Math.min(covered, term.top - VIEWPORT_PADDING));
}
