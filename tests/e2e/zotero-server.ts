// A stand-in for Zotero's local connector server on 127.0.0.1:23119 (the address the extension's CSP and
// optional host permission allow): answers /connector/ping and /connector/saveItems as Zotero does, with the
// CORS preflight a browser sends, and records every request it gets.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ZoteroRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeZotero {
  requests: ZoteroRequest[];
  close: () => Promise<void>;
}

export const ZOTERO_PORT = 23119;

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, X-Zotero-Connector-API-Version, Zotero-Allowed-Request',
};

export async function startFakeZotero(): Promise<FakeZotero> {
  const requests: ZoteroRequest[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      let body: unknown = raw;
      try {
        body = raw ? (JSON.parse(raw) as unknown) : undefined;
      } catch {
        // kept as text
      }
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      if (req.method === 'OPTIONS') {
        res.writeHead(200, CORS).end();
        return;
      }
      // Zotero refuses browser requests without the connector header.
      if (req.headers['x-zotero-connector-api-version'] !== '3') {
        res.writeHead(403, CORS).end('Request not allowed');
        return;
      }
      if (path === '/connector/ping')
        res.writeHead(200, { ...CORS, 'Content-Type': 'text/plain' }).end('Zotero is running');
      else if (path === '/connector/saveItems')
        res.writeHead(201, { ...CORS, 'Content-Type': 'application/json' }).end();
      else res.writeHead(404, CORS).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(ZOTERO_PORT, '127.0.0.1', () => resolve());
  });
  return {
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
