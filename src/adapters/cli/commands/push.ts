/**
 * `redline push CASE --server URL`: sends a local case file to a team server as a new version (or a new case),
 * after validating it locally. A save refused because someone else saved first (409) is reported, never forced.
 */
import type { Command } from 'commander';
import { formatIssue } from '../../../case/index.js';
import { readCaseFile } from '../../files/load-case.js';
import { CliError, EXIT } from '../exit-codes.js';
import { print, printJson } from '../output.js';

interface PushOptions {
  server: string;
  token?: string;
  message?: string;
  baseVersion?: string;
  json?: boolean;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(url: string, method: string, token: string | undefined, body?: unknown): Promise<Answer> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        // The server refuses state changes without a JSON body type or this header (CSRF guard).
        'x-redline-request': '1',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    throw new CliError(
      `cannot reach ${url}: ${cause}; check --server and that the server is running`,
      EXIT.unreadable,
    );
  }
  const text = await res.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { detail: text.slice(0, 200) };
  }
  return { status: res.status, body: parsed };
}

function refusal(a: Answer, server: string): CliError {
  const detail = typeof a.body.detail === 'string' ? a.body.detail : '';
  if (a.status === 401)
    return new CliError(`${server} needs an API token: pass --token or set REDLINE_TOKEN`, EXIT.usage);
  if (a.status === 403)
    return new CliError(
      `${server} refused the save: ${detail || 'the token may not write (an editor token is needed)'}`,
      EXIT.usage,
    );
  if (a.status === 409)
    return new CliError(
      `${server}: ${detail || 'the case changed on the server since your base version'}; pull the server's version, merge, and push again`,
      EXIT.invalid,
    );
  if (a.status === 422) {
    const issues = Array.isArray(a.body.issues)
      ? (a.body.issues as { message?: string; path?: unknown[] }[])
      : [];
    return new CliError(
      `${server} found the case invalid:\n${issues.map((i) => `  ${(i.path ?? []).join('.')}: ${i.message ?? ''}`).join('\n') || detail}`,
      EXIT.invalid,
    );
  }
  return new CliError(`${server} answered ${a.status}${detail ? `: ${detail}` : ''}`, EXIT.invalid);
}

export function register(program: Command): void {
  program
    .command('push')
    .description('send a case file to a Redline server as a new version (validated locally first)')
    .argument('<case>', 'case file')
    .requiredOption('--server <url>', 'the server, e.g. http://team-host:4400')
    .option('--token <token>', 'API token (default: $REDLINE_TOKEN)')
    .option('-m, --message <text>', 'what changed, kept with the version')
    .option(
      '--base-version <n>',
      'refuse unless the server is still at this version (default: its current one)',
    )
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: PushOptions) => {
      const local = await readCaseFile(file);
      if (!local.ok)
        throw new CliError(
          `${file} is not valid; nothing was sent:\n${local.issues.map(formatIssue).join('\n')}`,
          local.unreadable ? EXIT.unreadable : EXIT.invalid,
        );
      let base: URL;
      try {
        base = new URL(opts.server);
      } catch {
        throw new CliError(
          `--server "${opts.server}" is not a URL; write e.g. http://localhost:4400`,
          EXIT.usage,
        );
      }
      const token = opts.token ?? process.env.REDLINE_TOKEN;
      const id = local.case.id;
      const caseUrl = new URL(
        `api/cases/${encodeURIComponent(id)}`,
        base.href.endsWith('/') ? base : `${base.href}/`,
      ).href;
      const current = await call(caseUrl, 'GET', token);
      if (current.status !== 200 && current.status !== 404) throw refusal(current, opts.server);
      const message = opts.message ?? `pushed from ${file}`;
      let answer: Answer;
      if (current.status === 404) {
        answer = await call(new URL('../../api/cases', caseUrl).href, 'POST', token, {
          yaml: local.text,
          message,
        });
      } else if (current.body.yaml === local.text) {
        const result = { case: id, version: current.body.version, changed: false };
        if (opts.json) printJson(result);
        else
          print(
            `${opts.server}: case "${id}" is already at this text (version ${String(current.body.version)})`,
          );
        return;
      } else {
        const baseVersion =
          opts.baseVersion !== undefined ? Number(opts.baseVersion) : Number(current.body.version);
        if (!Number.isInteger(baseVersion) || baseVersion < 1)
          throw new CliError(
            `--base-version "${opts.baseVersion}" must be a whole number from 1`,
            EXIT.usage,
          );
        answer = await call(caseUrl, 'PUT', token, { yaml: local.text, message, baseVersion });
      }
      if (answer.status !== 200 && answer.status !== 201) throw refusal(answer, opts.server);
      const result = {
        case: id,
        version: answer.body.version,
        changed: true,
        created: answer.status === 201,
      };
      if (opts.json) printJson(result);
      else
        print(
          `${opts.server}: case "${id}" ${answer.status === 201 ? 'created as' : 'saved as'} version ${String(answer.body.version)}`,
        );
    });
}
