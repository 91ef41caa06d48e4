import { describe, expect, it } from 'vitest';
import {
  isTap,
  moveTap,
  startTap,
  TAP_MAX_MS,
  TAP_SLOP_PX,
  type TapGesture,
  type TouchSample,
} from '../../../src/core/tap-gesture.js';

const at = (x: number, y: number, time: number, pointerId = 1): TouchSample => ({ pointerId, x, y, time });

/** Runs a whole gesture: down, each move, up; true when it was a tap. */
function gesture(down: TouchSample, moves: TouchSample[], up: TouchSample): boolean {
  let g: TapGesture = startTap(down);
  for (const m of moves) g = moveTap(g, m);
  return isTap(g, up);
}

describe('tap gesture', () => {
  it('a finger lifted where it landed, soon, is a tap', () => {
    expect(gesture(at(100, 200, 0), [], at(100, 200, 80))).toBe(true);
  });

  it('a fingertip wobble within the slop is still a tap', () => {
    expect(gesture(at(100, 200, 0), [at(104, 203, 20), at(97, 198, 40)], at(103, 196, 90))).toBe(true);
    const edge = TAP_SLOP_PX / Math.SQRT2;
    expect(gesture(at(0, 0, 0), [], at(edge, edge, 10))).toBe(true);
  });

  it('a finger that lifts beyond the slop scrolled: no tap', () => {
    expect(gesture(at(100, 200, 0), [], at(100, 200 + TAP_SLOP_PX + 1, 60))).toBe(false);
    expect(gesture(at(100, 200, 0), [], at(100 - TAP_SLOP_PX - 1, 200, 60))).toBe(false);
  });

  it('a swipe that comes back to where it started is no tap', () => {
    expect(gesture(at(100, 200, 0), [at(100, 260, 50), at(100, 201, 100)], at(100, 200, 120))).toBe(false);
  });

  it("a long press is the browser's, not a tap", () => {
    expect(gesture(at(100, 200, 1000), [], at(100, 200, 1000 + TAP_MAX_MS))).toBe(true);
    expect(gesture(at(100, 200, 1000), [], at(100, 200, 1000 + TAP_MAX_MS + 1))).toBe(false);
  });

  it('moves and the lift of another finger do not count for this one', () => {
    const g = moveTap(startTap(at(100, 200, 0, 1)), at(300, 500, 10, 2));
    expect(g.strayed).toBe(false);
    expect(isTap(g, at(100, 200, 50, 1))).toBe(true);
    expect(isTap(g, at(100, 200, 50, 2))).toBe(false);
  });

  it('a gesture that strayed stays strayed', () => {
    const strayed = moveTap(startTap(at(0, 0, 0)), at(50, 0, 10));
    expect(moveTap(strayed, at(0, 0, 20))).toBe(strayed);
  });
});
