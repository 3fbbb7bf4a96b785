/** `redline serve`: the HTTP API and dashboard over the store (SQLite in --data, or PostgreSQL via DATABASE_URL). */
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { openStore, redactUrl, type TokenRole } from '../../store/index.js';
import { isLoopback, LOG_LEVELS, startServer, type LogLevel } from '../../server/index.js';
import { describeSyncEvent, syncCaseFiles, type CaseSync } from '../../files/case-sync.js';

interface ServeOpts {
  port: string;
  host: string;
  data: string;
  worker: boolean;
  createToken?: string;
  json?: boolean;
  logFile?: string;
  logLevel: string;
  writeBack?: boolean;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the dashboard (loopback by default; other hosts need API tokens)')
    .argument(
      '[cases...]',
      'case files to serve: imported now and re-imported as a new version whenever they change on disk',
    )
    .option(
      '--write-back',
      'write versions saved in the dashboard back to their case files (with a stale-write guard)',
    )
    .option('--port <n>', 'port to listen on', process.env.PORT ?? '4400')
    .option('--host <host>', 'interface to bind; anything but loopback requires API tokens', '127.0.0.1')
    .option(
      '--data <dir>',
      'data folder of the embedded database (ignored when DATABASE_URL is set)',
      '.redline-data',
    )
    .option(
      '--no-worker',
      'do not run a job worker in this process (PostgreSQL mode; run `redline worker` instead)',
    )
    .option('--create-token <role>', 'create an API token (viewer or editor), print it once, and exit')
    .option('--json', 'machine-readable output')
    .option(
      '--log-file <file>',
      'also append the server log (JSON lines, one per request and answer) to this file',
    )
    .option('--log-level <level>', `server log lines shown on stderr: ${LOG_LEVELS.join(', ')}`, 'warn')
    .action(async (cases: string[], opts: ServeOpts) => {
      const databaseUrl = process.env.DATABASE_URL || undefined;
      if (opts.createToken !== undefined) {
        if (opts.createToken !== 'viewer' && opts.createToken !== 'editor')
          throw new CliError(
            `--create-token takes "viewer" or "editor", not "${opts.createToken}"`,
            EXIT.usage,
          );
        const store = await openStore({ dataDir: opts.data, databaseUrl });
        try {
          const t = await store.tokens.create(opts.createToken as TokenRole);
          if (opts.json) process.stdout.write(`${JSON.stringify({ role: t.role, token: t.token })}\n`);
          else
            process.stdout.write(
              `${t.role} token (shown once; the server stores only its hash):\n${t.token}\nsend it as: Authorization: Bearer <token>\n`,
            );
        } finally {
          await store.close();
        }
        return;
      }
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port "${opts.port}" must be a whole number from 0 to 65535`, EXIT.usage);
      if (!isLoopback(opts.host)) {
        const store = await openStore({ dataDir: opts.data, databaseUrl });
        const n = await store.tokens.count();
        await store.close();
        if (n === 0)
          throw new CliError(
            `listening on ${opts.host} needs API tokens, and none exist yet; create one with \`redline serve --create-token editor\` (and viewer tokens for readers), or keep the default --host 127.0.0.1`,
            EXIT.usage,
          );
      }
      if (!(LOG_LEVELS as readonly string[]).includes(opts.logLevel))
        throw new CliError(
          `--log-level takes one of ${LOG_LEVELS.join(', ')}, not "${opts.logLevel}"`,
          EXIT.usage,
        );
      const level = opts.logLevel as LogLevel;
      let server;
      try {
        server = await startServer({
          host: opts.host,
          port,
          dataDir: opts.data,
          databaseUrl,
          worker: opts.worker,
          // Files given on the command line are what the user wants to see, not the bundled example.
          ...(cases.length > 0 ? { seed: false } : {}),
          log: {
            stderr: level,
            ...(opts.logFile
              ? { file: opts.logFile, fileLevel: level === 'debug' || level === 'trace' ? level : 'info' }
              : {}),
          },
        });
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'EADDRINUSE')
          throw new CliError(`port ${port} is in use; pick another with --port`, EXIT.usage);
        if (code === 'EACCES')
          throw new CliError(`not allowed to listen on ${opts.host}:${port}`, EXIT.usage);
        throw e;
      }
      let sync: CaseSync | undefined;
      if (cases.length > 0) {
        // Control characters (from file names or messages) never reach the terminal raw.
        const say = (line: string) =>
          // eslint-disable-next-line no-control-regex
          process.stderr.write(`${line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?')}\n`);
        sync = await syncCaseFiles(server.store, cases, {
          writeBack: opts.writeBack === true,
          onEvent: (e) => say(describeSyncEvent(e)),
        });
      }
      const where = databaseUrl ? redactUrl(databaseUrl) : server.store.location;
      if (opts.json)
        process.stdout.write(
          `${JSON.stringify({ url: server.url, store: server.store.dialect, location: where, seeded: server.seeded })}\n`,
        );
      else {
        process.stdout.write(`Redline is running at ${server.url}\n`);
        process.stdout.write(
          `  API docs: ${server.url}/api/docs\n  store: ${server.store.dialect} (${where})\n`,
        );
        if (server.seeded) process.stdout.write(`  imported the example case "${server.seeded}"\n`);
        if (!isLoopback(opts.host))
          process.stdout.write('  API tokens are required (Authorization: Bearer <token>)\n');
        process.stdout.write('Press Ctrl+C to stop.\n');
      }
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          sync?.close();
          void server.close().finally(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
