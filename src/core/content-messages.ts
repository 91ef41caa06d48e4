// The messages a content script receives, and their parser: on their own so that the content script's loader
// (every frame) carries this and not the rest of the protocol (messages.ts re-exports both).

export type ToContent =
  { type: 'show-term'; id: string } | { type: 'navigate'; direction: 'next' | 'previous' } | { type: 'ping' };

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,80}$/.test(v);

export function parseToContent(msg: unknown): ToContent | undefined {
  if (!isObject(msg)) return undefined;
  switch (msg.type) {
    case 'show-term':
      return isId(msg.id) ? { type: 'show-term', id: msg.id } : undefined;
    case 'navigate':
      return msg.direction === 'next' || msg.direction === 'previous'
        ? { type: 'navigate', direction: msg.direction }
        : undefined;
    case 'ping':
      return { type: 'ping' };
    default:
      return undefined;
  }
}
