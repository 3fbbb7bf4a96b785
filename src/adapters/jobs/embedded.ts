/**
 * The in-process runner of the embedded (SQLite) mode: claims queued jobs one at a time and runs their parts
 * in order, checking for cancellation between parts. Jobs left running by a crash are requeued at start.
 */
import type { Store } from '../store/index.js';
import { executePart } from './execute.js';
import type { JobHandlers } from './types.js';

export class EmbeddedRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private wakeRequested = false;

  constructor(
    private readonly store: Store,
    private readonly handlers: JobHandlers,
    private readonly workerId: string,
    private readonly pollMs = 500,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.store.jobs.requeueInterrupted();
    this.wake();
  }

  /** Looks for work now (called after an enqueue). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.wakeRequested) {
        this.wakeRequested = false;
        this.wake();
      } else this.timer = setTimeout(() => this.wake(), this.pollMs);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const job = await this.store.jobs.claimNext(this.workerId);
      if (!job) return;
      try {
        for (let part = 0; part < job.parts && !this.stopped; part++) {
          const outcome = await executePart(this.store, this.handlers, job.id, part, this.workerId);
          if (outcome === 'cancelled' || outcome === 'skipped' || outcome === 'finished') break;
        }
      } catch (err) {
        await this.store.jobs.retryOrFail(job.id, err instanceof Error ? err.message : String(err));
      }
    }
  }
}
