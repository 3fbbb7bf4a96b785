/**
 * Alert delivery. Webhooks: one JSON POST per (rule, development), signed with HMAC-SHA256 of the body under
 * the rule's secret (header `X-Redline-Signature: sha256=<hex>`), retried with exponential back-off, every
 * attempt in the delivery log. Digests: a Markdown and an HTML file per rule and period in its folder.
 */
import { createHmac } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { digestHtml, digestMarkdown, retryDelayMs, ruleMatches, type Case } from '../../index.js';
import type { Store } from '../store/index.js';
import { addMs, monitorRepository, type Delivery } from './repo.js';

export const SIGNATURE_HEADER = 'x-redline-signature';

export interface DeliveryOptions {
  /** First retry delay; later ones double (default 30 s). */
  retryBaseMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
  caseId?: string;
}

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Sends every delivery that is due; returns what happened to each. */
export async function deliverDue(
  store: Store,
  opts: DeliveryOptions = {},
): Promise<Array<{ delivery: string; ok: boolean; code: number | null }>> {
  const repo = monitorRepository(store);
  const due = await repo.deliveries.due(store.now(), opts.caseId);
  const out: Array<{ delivery: string; ok: boolean; code: number | null }> = [];
  for (const d of due) out.push({ delivery: d.id, ...(await deliverOne(store, d, opts)) });
  return out;
}

async function deliverOne(
  store: Store,
  d: Delivery,
  opts: DeliveryOptions,
): Promise<{ ok: boolean; code: number | null }> {
  const repo = monitorRepository(store);
  const rule = await repo.rules.get(d.caseId, d.ruleId);
  const dev = await repo.developments.get(d.caseId, d.developmentId);
  const maxAttempts = opts.maxAttempts ?? 6;
  if (!rule || !dev || !rule.url || !rule.secret) {
    await repo.deliveries.record(d, {
      ok: false,
      code: null,
      error: 'the rule or development is gone',
      give_up: true,
    });
    return { ok: false, code: null };
  }
  const { read: _read, caseId: _c, createdAt: _ca, updatedAt: _u, ...development } = dev;
  const body = JSON.stringify({
    type: 'redline.development',
    delivery: d.id,
    case: d.caseId,
    rule: { id: rule.id, name: rule.name },
    development,
  });
  let code: number | null = null;
  let error: string | undefined;
  try {
    const res = await fetch(rule.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'RedlineMonitor/0.1',
        [SIGNATURE_HEADER]: signBody(rule.secret, body),
        'x-redline-delivery': d.id,
        'x-redline-attempt': String(d.attempts + 1),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    code = res.status;
    await res.body?.cancel().catch(() => {});
    if (res.status >= 200 && res.status < 300) {
      await repo.deliveries.record(d, { ok: true, code });
      return { ok: true, code };
    }
    error = `HTTP ${res.status}`;
  } catch (e) {
    error =
      e instanceof Error
        ? ((e as Error & { cause?: { code?: string } }).cause?.code ?? e.message)
        : String(e);
  }
  const attempt = d.attempts + 1;
  await repo.deliveries.record(d, {
    ok: false,
    code,
    error,
    give_up: attempt >= maxAttempts,
    nextAt: addMs(store.now(), retryDelayMs(attempt, opts.retryBaseMs)),
  });
  return { ok: false, code };
}

const PERIOD_MS = { hourly: 3_600_000, daily: 86_400_000 } as const;

/**
 * Writes the digest files of every digest rule whose period has passed since its last digest (or `force`):
 * `<directory>/<case>-<timestamp>.md` and `.html`. Returns the files written.
 */
export async function writeDueDigests(
  store: Store,
  caseId: string,
  opts: { force?: boolean; defaultDirectory?: string } = {},
): Promise<string[]> {
  const repo = monitorRepository(store);
  const version = await store.cases.get(caseId);
  const title = (version?.case as Case | undefined)?.title ?? caseId;
  const written: string[] = [];
  const now = store.now();
  for (const rule of await repo.rules.list(caseId)) {
    if (rule.channel !== 'digest' || !rule.enabled) continue;
    const last = await repo.rules.lastDigest(caseId, rule.id);
    if (!opts.force && last && Date.parse(now) - Date.parse(last) < PERIOD_MS[rule.schedule]) continue;
    const since = last ?? undefined;
    const devs = (await repo.developments.list(caseId, since ? { updatedAfter: since } : {})).filter((d) =>
      ruleMatches(rule, d),
    );
    const dir = rule.directory ?? opts.defaultDirectory ?? 'digests';
    await mkdir(dir, { recursive: true });
    const stem = join(dir, `${caseId}-${now.replace(/[:.]/g, '-')}`);
    const input = { caseId, caseTitle: title, since, until: now, developments: devs };
    await writeFile(`${stem}.md`, digestMarkdown(input));
    await writeFile(`${stem}.html`, digestHtml(input));
    await repo.rules.setLastDigest(caseId, rule.id, now);
    written.push(`${stem}.md`, `${stem}.html`);
  }
  return written;
}
