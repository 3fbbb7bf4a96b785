/**
 * Server logs: fastify's pino logger writing JSON lines (with the request id as `reqId`) to stderr and,
 * optionally, to a file. Each destination has its own threshold: the terminal shows warnings and errors by
 * default, the file keeps every request. Query-string tokens (`access_token`) never reach a log.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FastifyServerOptions } from 'fastify';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const LEVEL_VALUE: Record<LogLevel, number> = {
  fatal: 60,
  error: 50,
  warn: 40,
  info: 30,
  debug: 20,
  trace: 10,
};

export interface LogOptions {
  /** Threshold for stderr (default warn); `false` keeps stderr quiet. */
  stderr?: LogLevel | false;
  /** A file the log is appended to, at `fileLevel` (default info: one line per request and its answer). */
  file?: string;
  fileLevel?: LogLevel;
  /** Any other sink (tests): receives every line at `streamLevel` (default info). */
  stream?: { write(line: string): unknown };
  streamLevel?: LogLevel;
}

interface Sink {
  min: number;
  write(line: string): unknown;
}

/** A pino destination that sends each line to the sinks whose threshold it meets. */
export class LogDestination {
  private readonly sinks: Sink[] = [];
  private readonly files: WriteStream[] = [];
  readonly minLevel: LogLevel;

  constructor(options: LogOptions) {
    if (options.stderr !== false)
      this.sinks.push({
        min: LEVEL_VALUE[options.stderr ?? 'warn'],
        write: (l) => process.stderr.write(l),
      });
    if (options.file) {
      const path = resolve(options.file);
      mkdirSync(dirname(path), { recursive: true });
      const f = createWriteStream(path, { flags: 'a' });
      // A full disk must not take the server down; the terminal still gets the lines.
      f.on('error', () => {});
      this.files.push(f);
      this.sinks.push({ min: LEVEL_VALUE[options.fileLevel ?? 'info'], write: (l) => f.write(l) });
    }
    if (options.stream) {
      const s = options.stream;
      this.sinks.push({ min: LEVEL_VALUE[options.streamLevel ?? 'info'], write: (l) => s.write(l) });
    }
    const min = Math.min(61, ...this.sinks.map((s) => s.min));
    this.minLevel = LOG_LEVELS.find((l) => LEVEL_VALUE[l] === min) ?? 'fatal';
  }

  write(line: string): void {
    const m = /"level":(\d+)/.exec(line);
    const level = m ? Number(m[1]) : 30;
    for (const s of this.sinks) if (level >= s.min) s.write(line);
  }

  async close(): Promise<void> {
    await Promise.all(this.files.map((f) => new Promise<void>((r) => f.end(r))));
  }
}

/** `?access_token=…` replaced, so a log file never holds a usable token. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]access_token=)[^&#]*/gi, '$1[redacted]');
}

/** The fastify options for logging to `dest` with a fresh random id per request. */
export function loggerOptions(dest: LogDestination | undefined): Partial<FastifyServerOptions> {
  return {
    genReqId: () => randomUUID(),
    ...(dest
      ? {
          logger: {
            level: dest.minLevel,
            stream: dest,
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({
                method: req.method,
                url: redactUrl(req.url),
                remoteAddress: req.ip,
              }),
            },
          },
        }
      : { logger: false }),
  };
}
