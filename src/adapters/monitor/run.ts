/**
 * One run of one source: take its lease, list what it holds, ingest the items the ledger has not seen
 * through the evidence ingest path (cleaning, de-duplication, extraction), record each item once, compare
 * the new claims and events with the case as of now, merge the developments and queue their alerts.
 *
 * Crash safety: an item is recorded after its document is stored, and marked assessed only after its
 * developments and deliveries are recorded; every step is idempotent (ingest recognises a stored article,
 * the ledger and the delivery queue ignore repeats, developments merge per evidence item), so running a
 * part again after a crash neither loses nor duplicates anything.
 */
import {
  assessDevelopments,
  createEvidenceModel,
  ruleMatches,
  type Case,
  type Development,
  type ObservedClaim,
  type ObservedEvent,
} from '../../index.js';
import { ingestInputs } from '../ingest/batch.js';
import type { InputItem } from '../ingest/sources.js';
import type { EvidenceRepository } from '../store/evidence-repo.js';
import type { Store } from '../store/index.js';
import { collectFolder, collectUrl, type Collected } from './collect.js';
import type { PoliteFetcher } from './http.js';
import { addMs, monitorRepository, type MonitorRepository, type WatchedSource } from './repo.js';

export interface RunDeps {
  fetcher: PoliteFetcher;
  workerId: string;
  /** How long a lease protects a fetch in progress (a crashed worker's lease expires after this). */
  leaseMs: number;
  /** Wait up to this long for another worker's lease (`--once`); 0 gives up at once. */
  waitForLeaseMs?: number;
  jobId?: string | null;
  signal?: AbortSignal;
}

export interface RunSummary {
  sourceId: string;
  runId?: string;
  status: 'ok' | 'not_modified' | 'error' | 'blocked' | 'busy';
  itemsFound: number;
  itemsNew: number;
  developments: number;
  error?: string;
  /** Wall time of the run's phases: listing the source, ingesting new items, comparing with the case. */
  ms?: { collect: number; ingest: number; assess: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runSource(
  store: Store,
  caseId: string,
  sourceId: string,
  deps: RunDeps,
): Promise<RunSummary> {
  const repo = monitorRepository(store);
  const source = await repo.sources.get(caseId, sourceId);
  if (!source)
    return {
      sourceId,
      status: 'error',
      itemsFound: 0,
      itemsNew: 0,
      developments: 0,
      error: 'no such source',
    };
  if (!(await takeLease(repo, source, deps)))
    return { sourceId, status: 'busy', itemsFound: 0, itemsNew: 0, developments: 0 };
  const runId = await repo.runs.start(caseId, sourceId, deps.jobId ?? null, deps.workerId);
  try {
    const summary = await fetchAndIngest(store, repo, source, runId, deps);
    await repo.runs.finish(runId, {
      status: summary.status,
      itemsFound: summary.itemsFound,
      itemsNew: summary.itemsNew,
      developments: summary.developments,
      httpStatus: summary.httpStatus,
      error: summary.error,
    });
    return { ...summary, runId };
  } catch (e) {
    const error = `internal: ${e instanceof Error ? e.message : String(e)}`;
    await repo.runs.finish(runId, { status: 'error', itemsFound: 0, itemsNew: 0, developments: 0, error });
    await repo.sources.recordFetch(caseId, sourceId, {
      status: 'error',
      error,
      itemsNew: 0,
      nextDueAt: addMs(store.now(), source.everySeconds * 1000),
    });
    return { sourceId, runId, status: 'error', itemsFound: 0, itemsNew: 0, developments: 0, error };
  } finally {
    await repo.sources.releaseLease(caseId, sourceId, deps.workerId);
  }
}

async function takeLease(repo: MonitorRepository, s: WatchedSource, deps: RunDeps): Promise<boolean> {
  const deadline = Date.now() + (deps.waitForLeaseMs ?? 0);
  for (;;) {
    const until = new Date(Date.now() + deps.leaseMs).toISOString();
    if (await repo.sources.acquireLease(s.caseId, s.id, deps.workerId, until)) return true;
    if (Date.now() >= deadline || deps.signal?.aborted) return false;
    await sleep(200);
  }
}

async function fetchAndIngest(
  store: Store,
  repo: MonitorRepository,
  source: WatchedSource,
  runId: string,
  deps: RunDeps,
): Promise<Omit<RunSummary, 'runId'> & { httpStatus?: number | undefined }> {
  const caseId = source.caseId;
  const t0 = performance.now();
  const collected: Collected =
    source.kind === 'folder'
      ? await collectFolder(source.location)
      : await collectUrl(source.location, deps.fetcher, {
          etag: source.etag,
          lastModified: source.lastModified,
        });
  const nextDueAt = addMs(store.now(), source.everySeconds * 1000);
  const t1 = performance.now();
  const base = { sourceId: source.id, itemsFound: 0, itemsNew: 0, developments: 0 };
  if (collected.status !== 'ok') {
    // Items recorded but not yet compared (a crash last time) are still assessed.
    const developments = await assessPending(store, repo, caseId, source.id);
    await repo.sources.recordFetch(caseId, source.id, {
      status: collected.status,
      ...(collected.status === 'not_modified' ? {} : { error: collected.error }),
      itemsNew: 0,
      nextDueAt,
    });
    return {
      ...base,
      developments,
      status: collected.status,
      httpStatus: collected.httpStatus,
      ...(collected.status === 'not_modified' ? {} : { error: collected.error }),
    };
  }
  const version = await store.cases.get(caseId);
  if (!version) throw new Error(`case "${caseId}" is not in the store`);
  const evidence = store.evidence as EvidenceRepository;
  const model = createEvidenceModel(version.case as Case);
  const seen = await repo.items.seen(
    caseId,
    source.id,
    collected.items.map((i) => i.key),
  );
  let itemsNew = 0;
  for (const item of collected.items) {
    if (seen.has(item.key) || deps.signal?.aborted) continue;
    const inputs = await item.load();
    const { outcomes } = await ingestInputs(list(inputs), { caseId, model, repo: evidence });
    // One ledger row per article; a JSON Lines file holds several, keyed by their position.
    for (const [k, o] of outcomes.entries()) {
      const key = outcomes.length > 1 ? `${item.key}#${k + 1}` : item.key;
      const recorded = await repo.items.record(caseId, {
        sourceId: source.id,
        key,
        docId: o.docId ?? null,
        outcome: o.status,
        title: o.title ?? item.title,
        url: item.url,
        date: o.date ?? item.date,
        runId,
      });
      if (recorded) itemsNew++;
    }
  }
  const t2 = performance.now();
  const developments = await assessPending(store, repo, caseId, source.id);
  const ms = { collect: t1 - t0, ingest: t2 - t1, assess: performance.now() - t2 };
  await repo.sources.recordFetch(caseId, source.id, {
    status: 'ok',
    etag: collected.etag ?? null,
    lastModified: collected.lastModified ?? null,
    itemsNew,
    nextDueAt,
  });
  return {
    ...base,
    status: 'ok',
    itemsFound: collected.items.length,
    itemsNew,
    developments,
    httpStatus: collected.httpStatus,
    ms,
  };
}

async function* list(items: InputItem[]): AsyncGenerator<InputItem> {
  yield* items;
}

/** UTC day of a store timestamp. */
const dayOf = (iso: string) => iso.slice(0, 10);

/**
 * Compares the claims and events of the source's recorded-but-unassessed items with the case as of now,
 * merges the developments, queues webhook deliveries for matching rules and marks the items assessed.
 * Returns the number of developments that are new or gained evidence.
 */
export async function assessPending(
  store: Store,
  repo: MonitorRepository,
  caseId: string,
  sourceId?: string,
): Promise<number> {
  const pending = await repo.items.unassessed(caseId, sourceId);
  if (pending.length === 0) return 0;
  const version = await store.cases.get(caseId);
  if (!version) return 0;
  const c = version.case as Case;
  const evidence = store.evidence as EvidenceRepository;
  const claims: ObservedClaim[] = [];
  const events: ObservedEvent[] = [];
  const docIds = [...new Set(pending.map((p) => p.docId).filter((d): d is string => !!d))];
  for (const docId of docIds) {
    const doc = await evidence.getDocument(caseId, docId);
    if (!doc) continue;
    const article = {
      docId,
      clusterId: doc.clusterId,
      title: doc.title ?? undefined,
      url: doc.url ?? undefined,
      publisher: doc.publisher ?? undefined,
      date: doc.date ?? undefined,
    };
    for (const s of await evidence.listClaims(caseId, { docId, limit: 10_000 }))
      if (s.status !== 'rejected') claims.push({ id: s.id, article, claim: s.claim });
    for (const s of await evidence.listEvents(caseId, { docId, limit: 10_000 }))
      if (s.status !== 'rejected') events.push({ id: s.id, article, event: s.event });
  }
  const today = dayOf(store.now());
  const devs = assessDevelopments(c, { claims, events }, { asOf: today, fallbackDate: today });
  const changed = await repo.developments.upsert(caseId, devs);
  await queueAlerts(repo, caseId, devs);
  await repo.items.markAssessed(caseId, pending);
  return changed.length;
}

/** One webhook delivery per (rule, development), whether the development is new or seen again. */
async function queueAlerts(
  repo: MonitorRepository,
  caseId: string,
  devs: readonly Development[],
): Promise<void> {
  const rules = (await repo.rules.list(caseId)).filter((r) => r.channel === 'webhook');
  if (!rules.length) return;
  for (const d of devs) {
    const stored = (await repo.developments.get(caseId, d.id)) ?? d;
    for (const r of rules) if (ruleMatches(r, stored)) await repo.deliveries.enqueue(caseId, r.id, d.id);
  }
}
