/**
 * Progress of a long computation on standard error, whatever standard output is connected to: a bar on a
 * terminal, else (a pipe, a log file) a plain line at most once a second. Off with `quiet`, and for jobs too
 * small to need it.
 */
import type { SingleBar as Bar } from 'cli-progress';
import { createRequire } from 'node:module';

// Loaded on first use (a terminal bar): a forecast without Monte Carlo must not pay for it at start-up.
const requireHere = createRequire(import.meta.url);

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** Jobs below this many steps finish before progress would help. */
const PROGRESS_FROM = 200;
const LINE_EVERY_MS = 1000;

export function createProgress(
  label: string,
  total: number,
  options: { quiet?: boolean; stream?: NodeJS.WriteStream; now?: () => number } = {},
): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || total < PROGRESS_FROM) return { update() {}, stop() {} };
  if (stream.isTTY) {
    const { SingleBar } = requireHere('cli-progress') as { SingleBar: typeof Bar };
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% | {value}/{total} runs | {eta}s left`,
      stream,
      hideCursor: true,
    });
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  const now = options.now ?? (() => performance.now());
  const started = now();
  let last = -Infinity;
  let lastDone = -1;
  const line = (done: number) => {
    const elapsed = (now() - started) / 1000;
    const eta = done > 0 ? (elapsed * (total - done)) / done : Number.NaN;
    stream.write(
      `${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} runs (${Math.floor((100 * done) / total)} %), ${elapsed.toFixed(0)} s elapsed${Number.isFinite(eta) && done < total ? `, about ${eta.toFixed(0)} s left` : ''}\n`,
    );
    lastDone = done;
  };
  return {
    update(done) {
      const t = now();
      if (t - last < LINE_EVERY_MS) return;
      last = t;
      line(done);
    },
    stop() {
      if (lastDone >= 0 && lastDone < total) line(total);
    },
  };
}
