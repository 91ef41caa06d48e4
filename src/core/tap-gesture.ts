// Tells a tap from the other things a finger does on a page (a scroll, a pinch, a long press): the touch
// pointer's positions and times in, "was it a tap" out. Pure, so the thresholds are tested on their own.

/** How far a finger may drift and still tap (CSS px): a fingertip's wobble, short of a scroll's start. */
export const TAP_SLOP_PX = 10;
/** A longer press is the browser's (text selection, the link menu), not ours. */
export const TAP_MAX_MS = 500;

/** One touch pointer event, as much of it as the decision needs. */
export interface TouchSample {
  readonly pointerId: number;
  readonly x: number;
  readonly y: number;
  /** The event's time stamp (ms). */
  readonly time: number;
}

/** A finger on the screen since `start`; `strayed` once it went further than a tap's slop. */
export interface TapGesture {
  readonly start: TouchSample;
  readonly strayed: boolean;
}

const beyondSlop = (a: TouchSample, b: TouchSample): boolean =>
  (a.x - b.x) ** 2 + (a.y - b.y) ** 2 > TAP_SLOP_PX * TAP_SLOP_PX;

/** The finger touched down. */
export function startTap(down: TouchSample): TapGesture {
  return { start: down, strayed: false };
}

/** The finger moved: once beyond the slop, it is a scroll or a drag for good (coming back does not undo it). */
export function moveTap(gesture: TapGesture, move: TouchSample): TapGesture {
  if (gesture.strayed || move.pointerId !== gesture.start.pointerId) return gesture;
  return beyondSlop(gesture.start, move) ? { start: gesture.start, strayed: true } : gesture;
}

/** The finger lifted: a tap when it stayed within the slop throughout and was not held for a long press. */
export function isTap(gesture: TapGesture, up: TouchSample): boolean {
  return (
    up.pointerId === gesture.start.pointerId &&
    !gesture.strayed &&
    !beyondSlop(gesture.start, up) &&
    up.time - gesture.start.time <= TAP_MAX_MS
  );
}
