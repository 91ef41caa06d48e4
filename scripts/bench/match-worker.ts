// The bench's stand-in for the extension's background: the same match service (src/background/
// match-service.ts) in a dedicated Worker, bundled apart and started by page-harness.ts. It is given its
// dictionary and warmed up before any clock starts, as a background that is already running would be.
import { createMatchService, type MatchService } from '../../src/background/match-service.js';
import { type CompiledMatcher, parseCompiledMatcher } from '../../src/core/compiled-matcher.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

let service: MatchService | null = null;

const post = (reply: WorkerReply): void =>
  (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(reply);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  if (msg.type === 'load') {
    const t0 = performance.now();
    // As the background has it: the compiled dictionary parsed (there it is part of the bundle), the
    // service built on the first request. A few requests warm the matching code up, as pages before this
    // one would have.
    const compiled: CompiledMatcher = parseCompiledMatcher(msg.json);
    const next = createMatchService({ dictionary: () => compiled, readOwnTerms: () => Promise.resolve(null) });
    const warm = compiled.termLabel.join('. ');
    for (let i = 0; i < 3; i++) await next.match([warm], []);
    service = next;
    post({ type: 'ready', setupMs: performance.now() - t0 });
    return;
  }
  if (!service) throw new Error('bench worker: no dictionary loaded');
  const t0 = performance.now();
  const reply = await service.match(msg.texts, []);
  post({ type: 'matches', id: msg.id, reply, ms: performance.now() - t0 });
};
