import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Box,
  CORNERS,
  cornerPosition,
  keepInView,
  lineBoxes,
  placePopover,
  revealAboveSheet,
  VIEWPORT_PADDING,
} from '../../../src/core/placement.js';

const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});
const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const viewportArb = fc.record({
  width: fc.integer({ min: 320, max: 2560 }),
  height: fc.integer({ min: 400, max: 1600 }),
});

/** A viewport, a term's single line box inside it, and a popover size that fits the viewport's width. */
const sceneArb = viewportArb.chain((viewport) =>
  fc.record({
    viewport: fc.constant(viewport),
    line: fc
      .record({
        left: fc.integer({ min: 0, max: viewport.width - 40 }),
        top: fc.integer({ min: 0, max: viewport.height - 20 }),
        width: fc.integer({ min: 4, max: 40 }),
        height: fc.integer({ min: 10, max: 20 }),
      })
      .map((r) => box(r.left, r.top, r.width, r.height)),
    size: fc.record({
      width: fc.integer({ min: 40, max: viewport.width - 2 * VIEWPORT_PADDING }),
      height: fc.integer({ min: 20, max: 1200 }),
    }),
  }),
);

describe('placePopover', () => {
  it('never overlaps the line it is placed against', () => {
    fc.assert(
      fc.property(sceneArb, ({ viewport, line, size }) => {
        const p = placePopover({ rects: [line], size, viewport });
        const height = Math.min(size.height, p.maxHeight);
        expect(overlaps(box(p.x, p.y, size.width, height), line)).toBe(false);
      }),
    );
  });

  it('lies inside the viewport, padding kept, whenever it fits on one side of the term', () => {
    fc.assert(
      fc.property(sceneArb, ({ viewport, line, size }) => {
        const roomBelow = viewport.height - VIEWPORT_PADDING - line.bottom - 10;
        const roomAbove = line.top - 10 - VIEWPORT_PADDING;
        fc.pre(size.height <= Math.max(roomBelow, roomAbove));
        const p = placePopover({ rects: [line], size, viewport });
        expect(p.maxHeight).toBeGreaterThanOrEqual(size.height);
        expect(p.x).toBeGreaterThanOrEqual(VIEWPORT_PADDING);
        expect(p.y).toBeGreaterThanOrEqual(VIEWPORT_PADDING);
        expect(p.x + size.width).toBeLessThanOrEqual(viewport.width - VIEWPORT_PADDING);
        expect(p.y + size.height).toBeLessThanOrEqual(viewport.height - VIEWPORT_PADDING);
      }),
    );
  });

  it('goes below when there is room below, above when only there is room above', () => {
    fc.assert(
      fc.property(sceneArb, ({ viewport, line, size }) => {
        const roomBelow = viewport.height - VIEWPORT_PADDING - line.bottom - 10;
        const roomAbove = line.top - 10 - VIEWPORT_PADDING;
        const p = placePopover({ rects: [line], size, viewport });
        if (size.height <= roomBelow) expect(p.side).toBe('bottom');
        else if (size.height <= roomAbove) expect(p.side).toBe('top');
        else expect(p.side).toBe(roomBelow >= roomAbove ? 'bottom' : 'top');
      }),
    );
  });

  it('when it fits on neither side, shrinks to the larger room (never below 160 px) and scrolls inside', () => {
    const viewport = { width: 1000, height: 600 };
    const p = placePopover({ rects: [box(100, 200, 50, 20)], size: { width: 300, height: 900 }, viewport });
    expect(p.side).toBe('bottom');
    expect(p.maxHeight).toBe(600 - 8 - 220 - 10);
    expect(p.y).toBe(230);
    const low = placePopover({ rects: [box(100, 580, 50, 20)], size: { width: 300, height: 900 }, viewport });
    expect(low.side).toBe('top');
    expect(low.maxHeight).toBe(580 - 10 - 8);
    expect(low.y).toBe(8);
    const cramped = placePopover({
      rects: [box(100, 150, 50, 20)],
      size: { width: 300, height: 900 },
      viewport: { width: 1000, height: 340 },
    });
    expect(cramped.maxHeight).toBe(160);
  });

  it('starts at the term and shifts left only as far as the right edge needs', () => {
    const viewport = { width: 800, height: 600 };
    expect(placePopover({ rects: [box(100, 50, 40, 16)], size: { width: 300, height: 200 }, viewport }).x).toBe(100);
    expect(placePopover({ rects: [box(700, 50, 40, 16)], size: { width: 300, height: 200 }, viewport }).x).toBe(492);
    expect(placePopover({ rects: [box(2, 50, 40, 16)], size: { width: 300, height: 200 }, viewport }).x).toBe(8);
  });

  it('points the arrow at the middle of the term, kept off the corners', () => {
    fc.assert(
      fc.property(sceneArb, ({ viewport, line, size }) => {
        fc.pre(size.width >= 34);
        const p = placePopover({ rects: [line], size, viewport });
        expect(p.arrowX).toBeGreaterThanOrEqual(12);
        expect(p.arrowX).toBeLessThanOrEqual(size.width - 22);
        const centre = (line.left + line.right) / 2 - p.x - 5;
        if (centre >= 12 && centre <= size.width - 22) expect(p.arrowX).toBeCloseTo(centre);
      }),
    );
  });

  it('for a wrapped term, uses the line box nearest the pointer', () => {
    const first = box(600, 100, 150, 18);
    const second = box(20, 122, 90, 18);
    const viewport = { width: 800, height: 700 };
    const size = { width: 300, height: 200 };
    const onFirst = placePopover({ rects: [first, second], point: { x: 700, y: 110 }, size, viewport });
    expect(onFirst.y).toBe(first.bottom + 10);
    expect(onFirst.x).toBe(800 - 8 - 300);
    const onSecond = placePopover({ rects: [first, second], point: { x: 50, y: 131 }, size, viewport });
    expect(onSecond.y).toBe(second.bottom + 10);
    expect(onSecond.x).toBe(20);
    // Beside both lines, the nearer one.
    expect(placePopover({ rects: [first, second], point: { x: 590, y: 99 }, size, viewport }).y).toBe(
      first.bottom + 10,
    );
  });

  it('for a wrapped term, any pointer: the chosen line is the nearest one and is not covered', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 100, max: 500 }),
        (px, py, height) => {
          const lines = [box(500, 300, 280, 18), box(10, 322, 100, 18), box(10, 344, 60, 18)];
          const size = { width: 300, height };
          const p = placePopover({
            rects: lines,
            point: { x: px, y: py },
            size,
            viewport: { width: 800, height: 700 },
          });
          const popover = box(p.x, p.y, size.width, Math.min(height, p.maxHeight));
          const d = (l: Box) =>
            Math.hypot(Math.max(l.left - px, 0, px - l.right), Math.max(l.top - py, 0, py - l.bottom));
          const nearest = lines.reduce((a, b) => (d(b) < d(a) ? b : a));
          expect(overlaps(popover, nearest)).toBe(false);
          expect(
            p.side === 'bottom' ? p.y === nearest.bottom + 10 : p.y + popover.bottom - popover.top === nearest.top - 10,
          ).toBe(true);
        },
      ),
    );
  });

  it('without a pointer (keyboard), goes below the last line or above the first', () => {
    const lines = [box(600, 100, 150, 18), box(20, 122, 90, 18)];
    const viewport = { width: 800, height: 700 };
    expect(placePopover({ rects: lines, size: { width: 300, height: 200 }, viewport }).y).toBe(150);
    const lowLines = [box(600, 600, 150, 18), box(20, 622, 90, 18)];
    const above = placePopover({ rects: lowLines, size: { width: 300, height: 200 }, viewport });
    expect(above.side).toBe('top');
    expect(above.y).toBe(600 - 10 - 200);
    expect(above.x).toBe(492);
  });

  it('merges rects of one line (a term split over inline elements) and skips empty ones', () => {
    expect(lineBoxes([box(10, 100, 30, 18), box(0, 0, 0, 0), box(40, 101, 25, 17), box(5, 122, 20, 18)])).toEqual([
      box(10, 100, 55, 18),
      box(5, 122, 20, 18),
    ]);
  });

  it('reads rects whose fields are getters, as DOMRects are', () => {
    class Rect {
      get left() {
        return 100;
      }
      get right() {
        return 150;
      }
      get top() {
        return 50;
      }
      get bottom() {
        return 68;
      }
    }
    const p = placePopover({
      rects: [new Rect()],
      size: { width: 200, height: 100 },
      viewport: { width: 800, height: 600 },
    });
    expect(p).toMatchObject({ x: 100, y: 78, side: 'bottom' });
  });

  it('reports the term hidden when every line is outside the visible area, not while any part shows', () => {
    const viewport = { width: 800, height: 600 };
    const size = { width: 300, height: 200 };
    expect(placePopover({ rects: [box(10, -30, 50, 18)], size, viewport }).referenceHidden).toBe(true);
    expect(placePopover({ rects: [box(10, 600, 50, 18)], size, viewport }).referenceHidden).toBe(true);
    expect(placePopover({ rects: [box(10, -10, 50, 18)], size, viewport }).referenceHidden).toBe(false);
    expect(placePopover({ rects: [], size, viewport }).referenceHidden).toBe(true);
    // Scrolled out of a scroll box that is itself in view.
    const clip = { left: 0, top: 200, right: 800, bottom: 400 };
    expect(placePopover({ rects: [box(10, 150, 50, 18)], size, viewport, clip }).referenceHidden).toBe(true);
    expect(
      placePopover({ rects: [box(10, 150, 50, 18), box(10, 190, 50, 18)], size, viewport, clip }).referenceHidden,
    ).toBe(false);
    fc.assert(
      fc.property(sceneArb, ({ viewport: vp, line, size: s }) => {
        expect(placePopover({ rects: [line], size: s, viewport: vp }).referenceHidden).toBe(false);
      }),
    );
  });
});

describe('pinned positions', () => {
  it('docks to each corner inside the viewport', () => {
    const viewport = { width: 1000, height: 700 };
    const size = { width: 300, height: 400 };
    expect(CORNERS.map((c) => cornerPosition(c, size, viewport))).toEqual([
      { x: 692, y: 292 },
      { x: 8, y: 292 },
      { x: 8, y: 8 },
      { x: 692, y: 8 },
    ]);
  });

  it('keepInView leaves a position inside alone and moves one outside the least', () => {
    fc.assert(
      fc.property(
        viewportArb,
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: -3000, max: 3000 }),
        (viewport, x, y) => {
          const size = { width: 200, height: 150 };
          const at = keepInView({ x, y }, size, viewport);
          expect(at.x).toBeGreaterThanOrEqual(VIEWPORT_PADDING);
          expect(at.y).toBeGreaterThanOrEqual(VIEWPORT_PADDING);
          expect(at.x + size.width).toBeLessThanOrEqual(viewport.width - VIEWPORT_PADDING);
          expect(at.y + size.height).toBeLessThanOrEqual(viewport.height - VIEWPORT_PADDING);
          const inside = x >= 8 && y >= 8 && x + 200 <= viewport.width - 8 && y + 150 <= viewport.height - 8;
          if (inside) expect(at).toEqual({ x, y });
        },
      ),
    );
  });
});

describe('revealAboveSheet', () => {
  const term = (top: number, height = 20): Box => ({ left: 10, right: 80, top, bottom: top + height });
  it('scrolls a covered term to just above the sheet', () => {
    // Sheet from 300 down; term 500-520: its bottom must reach 300 - 8.
    expect(revealAboveSheet(term(500), 300)).toBe(228);
  });
  it('leaves a term above the sheet where it is', () => {
    expect(revealAboveSheet(term(100), 300)).toBe(0);
    expect(revealAboveSheet(term(272), 300)).toBe(0);
  });
  it('never scrolls the term’s top out of view', () => {
    // A term taller than the room above the sheet keeps its first line at the top.
    expect(revealAboveSheet(term(200, 400), 300)).toBe(192);
  });
});
