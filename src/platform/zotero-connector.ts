// Zotero's local connector server (the one the Zotero Connector talks to): http://127.0.0.1:23119, reached
// only from the background, only after the reader has switched saving to Zotero on and granted the optional
// host permission, and only when the reader clicks "Save to Zotero". Protocol (zotero/zotero,
// chrome/content/zotero/xpcom/server/server_connector.js): POST /connector/ping answers 200 while Zotero
// runs; POST /connector/saveItems with a JSON body { sessionID, uri, items } answers 201 when saved. Zotero
// refuses browser requests without the X-Zotero-Connector-API-Version header.
import type { SaveItemsRequest } from '../core/zotero-item.js';

export const ZOTERO_ORIGIN = 'http://127.0.0.1:23119';
/** The optional host permission that lets the background reach it (manifest.json optional_host_permissions). */
export const ZOTERO_PERMISSION = `${ZOTERO_ORIGIN}/*`;
const API_VERSION = '3';
/** Zotero answers at once on the same machine; a silent port means it is not running. */
const TIMEOUT_MS = 4000;

export type ConnectorResult = { ok: true } | { ok: false; reason: 'not-running' | 'refused' | 'failed' };

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${ZOTERO_ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Zotero-Connector-API-Version': API_VERSION },
    body: JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

async function call(path: string, body: unknown, expected: number[]): Promise<ConnectorResult> {
  let response: Response;
  try {
    response = await post(path, body);
  } catch {
    // A network error or the timeout: nothing listens on the port.
    return { ok: false, reason: 'not-running' };
  }
  if (expected.includes(response.status)) return { ok: true };
  return { ok: false, reason: response.status === 403 || response.status === 400 ? 'refused' : 'failed' };
}

export function pingZotero(): Promise<ConnectorResult> {
  return call('/connector/ping', {}, [200]);
}

export function saveItemsToZotero(request: SaveItemsRequest): Promise<ConnectorResult> {
  return call('/connector/saveItems', request, [200, 201]);
}
