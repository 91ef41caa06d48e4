// Runs a job in short tasks, yielding to the page between them so that no task of ours is long.
// A MessageChannel yields without setTimeout's 4 ms clamp after nested timers.

export interface Slicer {
  /** Runs `job` now-ish and again after each yield while it returns true. */
  schedule(job: () => boolean): void;
  cancel(): void;
}

export function createSlicer(win: Window): Slicer {
  let job: (() => boolean) | null = null;
  let pending = false;
  const channel = new (win as unknown as typeof globalThis).MessageChannel();
  const run = (): void => {
    pending = false;
    const current = job;
    if (!current) return;
    let more: boolean;
    try {
      more = current();
    } catch (e) {
      // A failure must never reach the page; stop this job and report it in our own console.
      console.warn('[Netgov Lens] scan stopped:', e);
      more = false;
    }
    if (more && job === current) post();
    else if (job === current) job = null;
  };
  const post = (): void => {
    if (pending) return;
    pending = true;
    channel.port1.postMessage(null);
  };
  channel.port2.onmessage = run;
  return {
    schedule(next) {
      job = next;
      post();
    },
    cancel() {
      job = null;
    },
  };
}
