/** The HTTP server adapter: build the app, or start the whole service (store, jobs, app) as `redline serve` does. */
import { openStore, type Store } from '../store/index.js';
import { createJobQueue, type JobQueue } from '../jobs/index.js';
import { buildApp } from './app.js';
import { isLoopback } from './security.js';
import { seedExample } from './seed.js';
import { LogDestination, type LogOptions } from './logging.js';
import type { FastifyInstance } from 'fastify';

export { buildApp, BODY_LIMIT } from './app.js';
export { isLoopback, CONTENT_SECURITY_POLICY } from './security.js';
export { seedExample, EXAMPLE_CASE } from './seed.js';
export { Problem, problemBody } from './errors.js';
export { LogDestination, LOG_LEVELS, type LogLevel, type LogOptions } from './logging.js';

export interface ServeOptions {
  host: string;
  port: number;
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  /** Run a job worker in this process (default true; embedded mode always does). */
  worker?: boolean;
  webDist?: string;
  /** Server log destinations (stderr threshold, optional file); default: warnings and errors to stderr. */
  log?: LogOptions;
  seed?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  jobs: JobQueue;
  url: string;
  seeded: string | null;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  const log = new LogDestination(options.log ?? { stderr: 'warn' });
  const jobs = createJobQueue(store, {
    databaseUrl: options.databaseUrl,
    inProcessWorker: options.worker !== false,
  });
  try {
    const seeded = options.seed === false ? { imported: null } : await seedExample(store);
    await jobs.start();
    const app = await buildApp({
      store,
      jobs,
      auth: { required: !isLoopback(options.host) },
      webDist: options.webDist,
      logger: log,
    });
    await app.listen({ host: options.host, port: options.port });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : options.port;
    const shownHost =
      options.host === '127.0.0.1' || options.host === '::1'
        ? 'localhost'
        : options.host.includes(':')
          ? `[${options.host}]`
          : options.host;
    return {
      app,
      store,
      jobs,
      url: `http://${shownHost}:${port}`,
      seeded: seeded.imported,
      async close() {
        await app.close();
        await jobs.stop();
        await store.close();
        await log.close();
      },
    };
  } catch (e) {
    await jobs.stop().catch(() => {});
    await store.close().catch(() => {});
    await log.close();
    throw e;
  }
}
