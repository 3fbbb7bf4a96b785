/** Shared by the monitoring commands: opening the store for a case given as a file or a stored id. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, EXIT } from '../cli/exit-codes.js';
import { loadCaseFile } from '../files/load-case.js';
import { openEvidenceStore } from '../ingest/store.js';
import type { Store } from '../store/index.js';
import { monitorRepository, type MonitorRepository, type SourceKind } from './repo.js';

export interface MonitorSession {
  store: Store;
  repo: MonitorRepository;
  caseId: string;
  caseTitle: string;
  close(): Promise<void>;
}

/**
 * Opens the store (SQLite in `dataDir`, PostgreSQL with DATABASE_URL) for CASE: a case file, which is saved
 * into the store when it is new there or has changed (workers read the case from the store), or the id of a
 * case already stored.
 */
export async function openMonitorSession(
  caseArg: string,
  dataDir: string | undefined,
): Promise<MonitorSession> {
  const isFile = existsSync(caseArg) && statSync(caseArg).isFile();
  const loaded = isFile ? await loadCaseFile(caseArg) : undefined;
  const { store, close } = await openEvidenceStore(dataDir);
  try {
    let caseId: string;
    let caseTitle: string;
    if (loaded) {
      caseId = loaded.case.id;
      caseTitle = loaded.case.title;
      const current = await store.cases.get(caseId);
      const input = {
        title: caseTitle,
        yaml: loaded.text,
        case: loaded.case,
        message: `from ${caseArg}`,
        author: 'redline watch',
      };
      if (!current) await store.cases.create(caseId, input);
      else if (JSON.stringify(current.case) !== JSON.stringify(loaded.case))
        await store.cases.save(caseId, input);
    } else {
      const current = await store.cases.get(caseArg);
      if (!current)
        throw new CliError(
          `"${caseArg}" is neither a case file nor a case in the store (${store.location})`,
          EXIT.unreadable,
        );
      caseId = caseArg;
      caseTitle = current.title;
    }
    return { store, repo: monitorRepository(store), caseId, caseTitle, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** `15m`, `30s`, `2h`, `1d` or plain seconds → seconds. */
export function parseDuration(text: string, flag: string, allowZero = false): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) throw new CliError(`${flag} takes a duration like 30s, 15m, 2h or 1d, not "${text}"`, EXIT.usage);
  const n = Number(m[1]);
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'];
  const seconds = n * unit;
  if (!(seconds > 0) && !(allowZero && seconds === 0))
    throw new CliError(`${flag} must be positive, not "${text}"`, EXIT.usage);
  return seconds;
}

/** A source argument: an http(s) URL as given, or a folder (made absolute, and it must exist). */
export function sourceLocation(arg: string): { kind: SourceKind; location: string } {
  if (/^https?:\/\//i.test(arg)) {
    try {
      return { kind: 'url', location: new URL(arg).href };
    } catch {
      throw new CliError(`not a valid URL: "${arg}"`, EXIT.usage);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg))
    throw new CliError(`only http(s) URLs and folders are watched, not "${arg}"`, EXIT.usage);
  const abs = resolve(arg);
  if (!existsSync(abs) || !statSync(abs).isDirectory())
    throw new CliError(`no such folder: ${arg} (a source is an http(s) URL or a folder)`, EXIT.unreadable);
  return { kind: 'folder', location: abs };
}
