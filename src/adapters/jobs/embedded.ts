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

  /**
   * Runs queued jobs until none is left. A store that is busy or unreadable (claiming, or recording a failure)
   * ends this round quietly: the poll timer tries again, and an unhandled rejection would end the server.
   */
  private async drain(): Promise<void> {
    try {
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
    } catch (err) {
      this.onStoreError(err);
    }
  }

  /** Store failures seen by the runner, for the server log (the job stays queued or running and is retried). */
  onStoreError: (err: unknown) => void = (err) => {
    process.stderr.write(
      `redline: job runner: the store did not answer (${err instanceof Error ? err.message : String(err)}); retrying\n`,
    );
  };
}
