/**
 * Case files as the source of truth for a running server (`redline serve CASE...`): each file is imported
 * into the store, re-imported as a new version whenever it changes on disk, and, with write-back, a version
 * saved in the dashboard is written back to the file.
 *
 * The stale-write guard: we remember, per file, the text and the store version last synced. A dashboard
 * version is written to the file only while the file still holds that text (nobody edited it meanwhile);
 * otherwise the file is left alone and a conflict is reported. An edit on disk always becomes a new version;
 * if the dashboard had saved versions since the last sync they stay in the history (restorable) and the
 * event says which.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { formatIssue } from '../../case/index.js';
import type { Store } from '../store/index.js';
import { readCaseFile } from './load-case.js';

export type SyncEvent =
  | { kind: 'imported'; file: string; caseId: string; version: number; created: boolean; replaced?: number[] }
  | { kind: 'unchanged'; file: string; caseId: string; version: number }
  | { kind: 'invalid'; file: string; message: string }
  | { kind: 'written'; file: string; caseId: string; version: number }
  | { kind: 'conflict'; file: string; caseId: string; version: number; message: string };

export interface CaseSyncOptions {
  /** Write versions saved through the API (the dashboard) back to their files. */
  writeBack?: boolean;
  /** How often the store is asked for new versions to write back, in ms. */
  pollMs?: number;
  /** How long to wait for an editor to finish writing before reading the file, in ms. */
  debounceMs?: number;
  onEvent?: (event: SyncEvent) => void;
}

interface Synced {
  file: string;
  caseId?: string;
  version?: number;
  text?: string;
  /** The store version a conflict was last reported for (each conflict is reported once). */
  conflictAt?: number;
}

export interface CaseSync {
  /** The outcome of the first import of each file. */
  initial: SyncEvent[];
  /** Imports a file now (what the watcher does on a change). */
  importFile(file: string): Promise<SyncEvent>;
  /** Writes newer store versions back to their files now (what the poller does). */
  writeBack(): Promise<SyncEvent[]>;
  close(): void;
}

const AUTHOR = 'file';

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.redline-${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

export async function syncCaseFiles(
  store: Store,
  files: string[],
  options: CaseSyncOptions = {},
): Promise<CaseSync> {
  const emit = options.onEvent ?? (() => {});
  const state = new Map<string, Synced>(files.map((f) => [resolve(f), { file: resolve(f) }]));
  let writingBack = false;

  async function importFile(file: string): Promise<SyncEvent> {
    const s = state.get(resolve(file)) ?? { file: resolve(file) };
    state.set(s.file, s);
    const r = await readCaseFile(s.file);
    if (!r.ok) {
      const event: SyncEvent = { kind: 'invalid', file, message: r.issues.map(formatIssue).join('\n') };
      emit(event);
      return event;
    }
    const id = r.case.id;
    const current = await store.cases.get(id);
    let event: SyncEvent;
    if (!current) {
      const v = await store.cases.create(id, {
        title: r.case.title,
        yaml: r.text,
        case: r.case,
        message: `imported ${basename(file)}`,
        author: AUTHOR,
      });
      event = { kind: 'imported', file, caseId: id, version: v.version, created: true };
    } else if (current.yaml === r.text) {
      event = { kind: 'unchanged', file, caseId: id, version: current.version };
    } else {
      // Versions saved elsewhere since the last sync stay in the history; say which the file now replaces.
      const replaced: number[] = [];
      if (s.version !== undefined) for (let v = s.version + 1; v <= current.version; v++) replaced.push(v);
      const v = await store.cases.save(id, {
        title: r.case.title,
        yaml: r.text,
        case: r.case,
        message: `edited on disk: ${basename(file)}`,
        author: AUTHOR,
        baseVersion: current.version,
      });
      event = {
        kind: 'imported',
        file,
        caseId: id,
        version: v.version,
        created: false,
        ...(replaced.length ? { replaced } : {}),
      };
    }
    s.caseId = id;
    s.version = event.version;
    s.text = r.text;
    emit(event);
    return event;
  }

  async function writeBackOne(s: Synced): Promise<SyncEvent | undefined> {
    if (!s.caseId || s.version === undefined) return undefined;
    const current = await store.cases.get(s.caseId);
    if (!current || current.version <= s.version || current.yaml === s.text) return undefined;
    let disk: string;
    try {
      disk = await readFile(s.file, 'utf8');
    } catch {
      disk = '';
    }
    if (disk !== s.text) {
      if (s.conflictAt === current.version) return undefined;
      const event: SyncEvent = {
        kind: 'conflict',
        file: s.file,
        caseId: s.caseId,
        version: current.version,
        message: `${s.file} changed on disk since version ${s.version}, and version ${current.version} was saved in the dashboard; the file was not overwritten (the file's edit will be imported as a new version; version ${current.version} stays restorable in the history)`,
      };
      s.conflictAt = current.version;
      emit(event);
      return event;
    }
    await writeAtomically(s.file, current.yaml);
    s.version = current.version;
    s.text = current.yaml;
    const event: SyncEvent = { kind: 'written', file: s.file, caseId: s.caseId, version: current.version };
    emit(event);
    return event;
  }

  async function writeBack(): Promise<SyncEvent[]> {
    if (writingBack) return [];
    writingBack = true;
    try {
      const events: SyncEvent[] = [];
      for (const s of state.values()) {
        const e = await writeBackOne(s);
        if (e) events.push(e);
      }
      return events;
    } finally {
      writingBack = false;
    }
  }

  const initial: SyncEvent[] = [];
  for (const f of files) initial.push(await importFile(f));

  // Editors often save by writing a new file and renaming it over the old one, which ends a watch on the
  // file itself: watch the folder and filter by name instead.
  const watchers: FSWatcher[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  const byFolder = new Map<string, Set<string>>();
  for (const f of state.keys()) {
    const names = byFolder.get(dirname(f)) ?? new Set<string>();
    names.add(basename(f));
    byFolder.set(dirname(f), names);
  }
  for (const [folder, names] of byFolder) {
    const w = watch(folder, (_type, name) => {
      if (!name || !names.has(String(name))) return;
      const file = resolve(folder, String(name));
      clearTimeout(timers.get(file));
      timers.set(
        file,
        setTimeout(
          () =>
            void importFile(file).catch((e: unknown) => emit({ kind: 'invalid', file, message: String(e) })),
          options.debounceMs ?? 150,
        ),
      );
    });
    w.on('error', () => {});
    watchers.push(w);
  }
  const poller = options.writeBack
    ? setInterval(() => void writeBack().catch(() => {}), options.pollMs ?? 1000)
    : undefined;

  return {
    initial,
    importFile,
    writeBack,
    close() {
      for (const w of watchers) w.close();
      for (const t of timers.values()) clearTimeout(t);
      if (poller) clearInterval(poller);
    },
  };
}

/** One line for the terminal per sync event. */
export function describeSyncEvent(e: SyncEvent): string {
  switch (e.kind) {
    case 'imported':
      return e.created
        ? `imported ${e.file} as case "${e.caseId}"`
        : `${e.file} changed: case "${e.caseId}" is now version ${e.version}${e.replaced ? ` (dashboard version${e.replaced.length > 1 ? 's' : ''} ${e.replaced.join(', ')} kept in the history)` : ''}`;
    case 'unchanged':
      return `case "${e.caseId}" is up to date with ${e.file} (version ${e.version})`;
    case 'invalid':
      return `${e.file} was not imported; fix it and save again:\n${e.message}`;
    case 'written':
      return `wrote version ${e.version} of "${e.caseId}" back to ${e.file}`;
    case 'conflict':
      return `conflict: ${e.message}`;
  }
}
