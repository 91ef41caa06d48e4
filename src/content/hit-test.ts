// Finds the text position under a point: caretPositionFromPoint where it works (it may exist and still
// return null in some Chromium builds), else caretRangeFromPoint.

export interface CaretHit {
  node: Node;
  offset: number;
}

type CaretPositionFn = (
  x: number,
  y: number,
  options?: { shadowRoots?: ShadowRoot[] },
) => { offsetNode: Node; offset: number } | null;

export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): CaretHit | null {
  const byPosition = (doc as unknown as { caretPositionFromPoint?: CaretPositionFn }).caretPositionFromPoint;
  if (typeof byPosition === 'function') {
    const pos = shadowRoots.length ? byPosition.call(doc, x, y, { shadowRoots }) : byPosition.call(doc, x, y);
    if (pos && pos.offsetNode) return { node: pos.offsetNode, offset: pos.offset };
  }
  const byRange = (doc as unknown as { caretRangeFromPoint?: (x: number, y: number) => Range | null })
    .caretRangeFromPoint;
  if (typeof byRange === 'function') {
    const range = byRange.call(doc, x, y);
    if (range) return { node: range.startContainer, offset: range.startOffset };
  }
  return null;
}

/** A live Range for a static one (layout queries need a live range). */
export function liveRange(doc: Document, r: AbstractRange): Range | null {
  try {
    const range = doc.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  } catch {
    return null; // the text changed under us
  }
}

/** True when (x, y) lies inside one of the range's boxes (a caret API snaps to the nearest text). */
export function pointInRange(range: Range, x: number, y: number, slop = 1): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - slop && x <= rect.right + slop && y >= rect.top - slop && y <= rect.bottom + slop) return true;
  }
  return false;
}
