/**
 * Monitoring view: the "What changed" panel (developments as a timeline with filters, live over SSE, with an
 * unread count), one click from a development's evidence to its review, watched sources with status and a
 * volume sparkline, and alert rules as a form.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import {
  DEVELOPMENT_KIND_LABEL,
  monitorApi,
  type AlertRuleInput,
  type Development,
  type DevelopmentKind,
  type WatchedSource,
} from '../api/monitor.js';
import { actorName, issueName, useCase } from '../lib/case-context.js';
import { caseHref } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';
import { EmptyState, ErrorState, Loading } from '../components/States.js';

const KINDS = Object.keys(DEVELOPMENT_KIND_LABEL) as DevelopmentKind[];
const pct = (x: number) => `${Math.round(x * 100)}%`;

export default function MonitoringView() {
  const { case: c, caseId } = useCase();
  const [filters, setFilters] = useState({ kind: '', actor: '', issue: '', unread: false });
  const loaded = useApi((s) => monitorApi.developments(caseId, {}, s), [caseId]);
  const [devs, setDevs] = useState<Development[]>([]);
  const [unread, setUnread] = useState(0);
  const [live, setLive] = useState<string[]>([]);

  useEffect(() => {
    if (loaded.data) {
      setDevs(loaded.data.items);
      setUnread(loaded.data.unread);
    }
  }, [loaded.data]);

  useEffect(
    () =>
      monitorApi.subscribe(caseId, {
        development: (d) => {
          setDevs((list) => [d, ...list.filter((x) => x.id !== d.id)]);
          setLive((ids) => [...ids, d.id]);
        },
        unread: setUnread,
      }),
    [caseId],
  );

  const shown = useMemo(
    () =>
      [...devs]
        .filter(
          (d) =>
            (!filters.kind || d.kind === filters.kind) &&
            (!filters.actor || d.actor === filters.actor) &&
            (!filters.issue || d.issue === filters.issue) &&
            (!filters.unread || !d.read),
        )
        .sort((a, b) => b.date.localeCompare(a.date) || b.score - a.score),
    [devs, filters],
  );
  const byDay = useMemo(() => {
    const days = new Map<string, Development[]>();
    for (const d of shown) days.set(d.date, [...(days.get(d.date) ?? []), d]);
    return [...days];
  }, [shown]);

  const markAllRead = async () => {
    const r = await monitorApi.markRead(caseId);
    setUnread(r.unread);
    setDevs((list) => list.map((d) => ({ ...d, read: true })));
  };

  return (
    <div className="stack monitoring">
      <section className="card" aria-labelledby="what-changed">
        <header className="card-head">
          <h2 id="what-changed">
            What changed{' '}
            <span className="chip unread-count" data-testid="unread-count" aria-label={`${unread} unread`}>
              {unread}
            </span>
          </h2>
          <p>
            New reporting compared with the case as it stands: stance shifts, red-line signals, first
            mentions, key events among veto players. Ranked by salience × confidence.
          </p>
        </header>
        <div className="toolbar">
          <select
            aria-label="Kind"
            value={filters.kind}
            onChange={(e) => setFilters({ ...filters, kind: e.target.value })}
          >
            <option value="">All kinds</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {DEVELOPMENT_KIND_LABEL[k]}
              </option>
            ))}
          </select>
          <select
            aria-label="Actor"
            value={filters.actor}
            onChange={(e) => setFilters({ ...filters, actor: e.target.value })}
          >
            <option value="">All actors</option>
            {c.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <select
            aria-label="Issue"
            value={filters.issue}
            onChange={(e) => setFilters({ ...filters, issue: e.target.value })}
          >
            <option value="">All issues</option>
            {c.issues.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
          <label>
            <input
              type="checkbox"
              checked={filters.unread}
              onChange={(e) => setFilters({ ...filters, unread: e.target.checked })}
            />{' '}
            unread only
          </label>
          <button className="btn" type="button" onClick={() => void markAllRead()} disabled={unread === 0}>
            Mark all read
          </button>
        </div>
        {loaded.error ? (
          <ErrorState error={loaded.error} what="Loading developments" />
        ) : !loaded.data && loaded.loading ? (
          <Loading />
        ) : shown.length === 0 ? (
          <EmptyState title="Nothing yet">
            Add a source below (or run <code>redline watch</code>) and new developments appear here as they
            are found.
          </EmptyState>
        ) : (
          <ol className="dev-timeline" data-testid="developments">
            {byDay.map(([day, list]) => (
              <li key={day}>
                <h3 className="dev-timeline-day">{day}</h3>
                <ul>
                  {list.map((d) => (
                    <li
                      key={d.id}
                      className={`development kind-${d.kind}${d.read ? '' : ' unread'}${live.includes(d.id) ? ' live' : ''}`}
                      data-testid="development"
                      data-id={d.id}
                    >
                      <div className="development-head">
                        <span className={`chip kind-chip kind-${d.kind}`}>
                          {DEVELOPMENT_KIND_LABEL[d.kind]}
                        </span>
                        <strong>{d.summary}</strong>
                      </div>
                      <div className="muted">
                        {d.actor ? actorName(c, d.actor) : ''}
                        {d.issue ? ` · ${issueName(c, d.issue)}` : ''} · score {d.score.toFixed(2)} (salience{' '}
                        {pct(d.salience)} × confidence {pct(d.confidence)}) · {d.evidence.length} report
                        {d.evidence.length === 1 ? '' : 's'}
                      </div>
                      <ul className="evidence-links">
                        {d.evidence.slice(0, 5).map((l) => (
                          <li key={l.itemId}>
                            <q>{l.quote}</q>{' '}
                            <a href={caseHref(caseId, 'evidence', l.itemId)} data-testid="evidence-link">
                              review
                            </a>
                            {l.url && /^https?:\/\//i.test(l.url) ? (
                              <>
                                {' · '}
                                <a href={l.url} target="_blank" rel="noreferrer noopener">
                                  {l.publisher ?? 'source'}
                                </a>
                              </>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>
      <SourcesPanel caseId={caseId} refresh={live.length} />
      <RulesPanel caseId={caseId} />
    </div>
  );
}

function Sparkline({ values }: { values: number[] }) {
  const max = Math.max(1, ...values);
  const w = 84;
  const h = 20;
  const step = values.length > 1 ? w / (values.length - 1) : w;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(h - (v / max) * (h - 2) - 1).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="sparkline"
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={`items per day: ${values.join(', ')}`}
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

function SourcesPanel({ caseId, refresh }: { caseId: string; refresh: number }) {
  // Reloaded when live developments arrive: a watcher has just fetched something.
  const sources = useApi((s) => monitorApi.sources(caseId, s), [caseId, refresh]);
  const [url, setUrl] = useState('');
  const [every, setEvery] = useState(15);
  const [error, setError] = useState<Error>();
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await monitorApi.addSource(caseId, url.trim(), Math.round(every * 60));
      setUrl('');
      sources.reload();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  const remove = async (s: WatchedSource) => {
    await monitorApi.removeSource(caseId, s.id).catch((err: unknown) => setError(err as Error));
    sources.reload();
  };
  return (
    <section className="card" aria-labelledby="sources-head">
      <header className="card-head">
        <h2 id="sources-head">Sources</h2>
        <p>
          Feeds (RSS, Atom, JSON Feed) and pages fetched by <code>redline watch</code>; inbox folders are
          added with <code>redline sources CASE add DIR</code>.
        </p>
      </header>
      <form className="toolbar" onSubmit={(e) => void add(e)}>
        <input
          aria-label="Feed or page URL"
          type="url"
          required
          placeholder="https://example.org/feed.xml"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <label>
          every{' '}
          <input
            aria-label="Minutes between fetches"
            type="number"
            min={1}
            max={10080}
            value={every}
            onChange={(e) => setEvery(Number(e.target.value))}
          />{' '}
          min
        </label>
        <button className="btn btn-primary" type="submit">
          Watch
        </button>
      </form>
      {error ? <ErrorState error={error} what="Changing sources" /> : null}
      {sources.error ? (
        <ErrorState error={sources.error} what="Loading sources" />
      ) : !sources.data ? (
        <Loading />
      ) : sources.data.items.length === 0 ? (
        <EmptyState title="No sources watched" />
      ) : (
        <table className="table" data-testid="sources">
          <thead>
            <tr>
              <th>Source</th>
              <th>Status</th>
              <th>Last success</th>
              <th>Items</th>
              <th>14 days</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sources.data.items.map((s) => (
              <tr key={s.id}>
                <td className="wrap">{s.location}</td>
                <td title={s.lastError ?? undefined}>
                  <span className={`chip status-${s.lastStatus ?? 'never'}`}>
                    {s.lastStatus ?? 'not fetched yet'}
                  </span>
                  {s.lastStatus === 'error' || s.lastStatus === 'blocked' ? (
                    <div className="muted small">{s.lastError}</div>
                  ) : null}
                </td>
                <td>{s.lastSuccessAt?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
                <td>{s.itemsSeen}</td>
                <td>
                  <Sparkline values={s.volume} />
                </td>
                <td>
                  <button
                    className="btn"
                    type="button"
                    onClick={() => void remove(s)}
                    aria-label={`Stop watching ${s.location}`}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const EMPTY_RULE = {
  name: '',
  channel: 'dashboard' as AlertRuleInput['channel'],
  kinds: [] as DevelopmentKind[],
  minConfidence: 0,
  url: '',
  secret: '',
};

function RulesPanel({ caseId }: { caseId: string }) {
  const { case: c } = useCase();
  const rules = useApi((s) => monitorApi.rules(caseId, s), [caseId]);
  const [form, setForm] = useState(EMPTY_RULE);
  const [actors, setActors] = useState<string[]>([]);
  const [error, setError] = useState<Error>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await monitorApi.addRule(caseId, {
        name: form.name.trim(),
        channel: form.channel,
        kinds: form.kinds,
        actors,
        minConfidence: form.minConfidence,
        ...(form.channel === 'webhook' ? { url: form.url.trim(), secret: form.secret } : {}),
      });
      setForm(EMPTY_RULE);
      setActors([]);
      rules.reload();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  const toggleKind = (k: DevelopmentKind) =>
    setForm((f) => ({ ...f, kinds: f.kinds.includes(k) ? f.kinds.filter((x) => x !== k) : [...f.kinds, k] }));
  return (
    <section className="card" aria-labelledby="rules-head">
      <header className="card-head">
        <h2 id="rules-head">Alert rules</h2>
        <p>
          Which developments to send where: a signed webhook (HMAC-SHA256), a digest file, or this dashboard.
        </p>
      </header>
      <form className="rule-form" onSubmit={(e) => void submit(e)}>
        <label>
          Name{' '}
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          Channel{' '}
          <select
            value={form.channel}
            onChange={(e) => setForm({ ...form, channel: e.target.value as AlertRuleInput['channel'] })}
          >
            <option value="dashboard">dashboard</option>
            <option value="webhook">webhook</option>
            <option value="digest">digest</option>
          </select>
        </label>
        <fieldset>
          <legend>Kinds (none = all)</legend>
          {KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" checked={form.kinds.includes(k)} onChange={() => toggleKind(k)} />{' '}
              {DEVELOPMENT_KIND_LABEL[k]}
            </label>
          ))}
        </fieldset>
        <label>
          Actors{' '}
          <select
            multiple
            value={actors}
            onChange={(e) => setActors([...e.target.selectedOptions].map((o) => o.value))}
          >
            {c.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Minimum confidence{' '}
          <input
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={form.minConfidence}
            onChange={(e) => setForm({ ...form, minConfidence: Number(e.target.value) })}
          />
        </label>
        {form.channel === 'webhook' ? (
          <>
            <label>
              URL{' '}
              <input
                type="url"
                required
                value={form.url}
                onChange={(e) => setForm({ ...form, url: e.target.value })}
              />
            </label>
            <label>
              Secret{' '}
              <input
                type="password"
                required
                minLength={16}
                value={form.secret}
                onChange={(e) => setForm({ ...form, secret: e.target.value })}
              />
            </label>
          </>
        ) : null}
        <button className="btn btn-primary" type="submit">
          Add rule
        </button>
      </form>
      {error ? <ErrorState error={error} what="Saving the rule" /> : null}
      {rules.data?.items.length ? (
        <ul className="rule-list" data-testid="rules">
          {rules.data.items.map((r) => (
            <li key={r.id}>
              <strong>{r.name}</strong> · {r.channel}
              {r.url ? ` → ${r.url}` : ''} ·{' '}
              {r.kinds.length ? r.kinds.map((k) => DEVELOPMENT_KIND_LABEL[k]).join(', ') : 'all kinds'}
              {r.actors.length ? ` · ${r.actors.map((a) => actorName(c, a)).join(', ')}` : ''} · confidence ≥{' '}
              {r.minConfidence}{' '}
              <button
                className="btn"
                type="button"
                onClick={() =>
                  void monitorApi
                    .removeRule(caseId, r.id)
                    .then(rules.reload, (err: unknown) => setError(err as Error))
                }
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
