/** Evidence view: timeline, stance claims with filters and accept/reject, the article with the quote highlighted. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { endpoints } from '../api/endpoints.js';
import { presentItem, presentTimeline, splitAroundQuote, type ClaimView } from '../lib/present-evidence.js';
import { actorName, issueName, useCase } from '../lib/case-context.js';
import { useApi } from '../lib/use-api.js';
import { fmt } from '../lib/format.js';
import { EmptyState, ErrorState, Loaded, Loading } from '../components/States.js';

export default function EvidenceView({ arg }: { arg?: string }) {
  const { case: c, caseId, colors, reload: reloadCase } = useCase();
  // `arg` is a claim or event id (a link from the Monitoring view): show every status so it is listed.
  const [filters, setFilters] = useState({
    status: arg ? '' : 'suggested',
    kind: '',
    actor: '',
    issue: '',
    q: '',
  });
  const claims = useApi(
    (s) =>
      endpoints.suggestions(
        caseId,
        { status: filters.status || undefined, kind: filters.kind || undefined },
        s,
      ),
    [caseId, filters.status, filters.kind],
  );
  const timeline = useApi((s) => endpoints.timeline(caseId, s), [caseId]);
  const [selected, setSelected] = useState<ClaimView>();
  const [busy, setBusy] = useState<string>();
  const [actionError, setActionError] = useState<Error>();

  const list = useMemo(() => {
    const all = claims.data ? claims.data.map(presentItem) : [];
    const q = filters.q.toLowerCase();
    return all.filter(
      (x) =>
        (!filters.actor || x.actor === filters.actor) &&
        (!filters.issue || x.issue === filters.issue) &&
        (!q || x.quote.toLowerCase().includes(q)),
    );
  }, [claims.data, filters]);

  useEffect(() => {
    if (!selected && list[0]) setSelected(list.find((x) => x.id === arg) ?? list[0]);
  }, [list, selected, arg]);

  const review = async (claim: ClaimView, decision: 'accept' | 'reject') => {
    setBusy(claim.id);
    setActionError(undefined);
    try {
      await endpoints.review(caseId, claim.id, decision);
      claims.reload();
      timeline.reload();
      if (decision === 'accept') reloadCase();
      setSelected((s) =>
        s?.id === claim.id ? { ...s, status: decision === 'accept' ? 'accepted' : 'rejected' } : s,
      );
    } catch (err) {
      setActionError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="evidence">
      <section className="card toolbar" aria-label="Filters">
        <label className="field">
          <span>Status</span>
          <select
            value={filters.status}
            onChange={(e) => setFilters({ ...filters, status: e.target.value })}
            data-testid="claim-status"
          >
            <option value="suggested">To review</option>
            <option value="accepted">Accepted</option>
            <option value="rejected">Rejected</option>
            <option value="">All</option>
          </select>
        </label>
        <label className="field">
          <span>Kind</span>
          <select value={filters.kind} onChange={(e) => setFilters({ ...filters, kind: e.target.value })}>
            <option value="">Claims and events</option>
            <option value="claim">Stance claims</option>
            <option value="event">Events</option>
          </select>
        </label>
        <label className="field">
          <span>Actor</span>
          <select value={filters.actor} onChange={(e) => setFilters({ ...filters, actor: e.target.value })}>
            <option value="">Any</option>
            {c.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Issue</span>
          <select value={filters.issue} onChange={(e) => setFilters({ ...filters, issue: e.target.value })}>
            <option value="">Any</option>
            {c.issues.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>Quote contains</span>
          <input
            type="search"
            value={filters.q}
            onChange={(e) => setFilters({ ...filters, q: e.target.value })}
            placeholder="e.g. non-negotiable"
          />
        </label>
      </section>
      {actionError && <ErrorState error={actionError} what="Reviewing the claim" />}
      <div className="evidence-grid">
        <section className="card claims" aria-label="Suggested updates">
          <header className="card-head">
            <h3>Suggested updates</h3>
            <span className="muted small">{list.length} shown</span>
          </header>
          <Loaded state={claims} what="Claims">
            {() =>
              list.length === 0 ? (
                <EmptyState title="No claims match">
                  Ingest articles with <code>redline ingest</code> or change the filters.
                </EmptyState>
              ) : (
                <ul className="claim-list" data-testid="claim-list">
                  {list.map((x) => (
                    <li key={x.id} className={`claim ${selected?.id === x.id ? 'selected' : ''}`}>
                      <button
                        type="button"
                        className="claim-main"
                        onClick={() => setSelected(x)}
                        aria-pressed={selected?.id === x.id}
                      >
                        <span className="claim-head">
                          <span
                            className="swatch"
                            style={{ background: x.actor ? colors.get(x.actor) : '#999' }}
                            aria-hidden="true"
                          />
                          <strong>{x.actor ? actorName(c, x.actor) : 'unknown actor'}</strong>
                          {x.kind === 'event' ? (
                            <span className="tag tag-event">
                              event{x.eventType ? `: ${x.eventType}` : ''}
                            </span>
                          ) : (
                            x.direction && <span className="tag">{x.direction}</span>
                          )}
                          {x.issue && <span className="muted small">{issueName(c, x.issue)}</span>}
                          {x.redLine && <span className="tag tag-cross">red line</span>}
                        </span>
                        {x.quote && <q className="claim-quote">{unquote(x.quote)}</q>}
                        <span className="muted small">
                          {x.date}
                          {x.confidence !== undefined &&
                            ` · confidence ${fmt(x.confidence * (x.confidence <= 1 ? 100 : 1), 0)} %`}
                          {x.position !== undefined && ` · position ${fmt(x.position)}`}
                        </span>
                      </button>
                      <div className="claim-actions">
                        {x.status === 'pending' ? (
                          <>
                            <button
                              type="button"
                              className="btn btn-good btn-xs"
                              disabled={busy === x.id}
                              onClick={() => void review(x, 'accept')}
                              data-testid={`accept-${x.id}`}
                            >
                              Accept
                            </button>
                            <button
                              type="button"
                              className="btn btn-ghost btn-xs"
                              disabled={busy === x.id}
                              onClick={() => void review(x, 'reject')}
                              data-testid={`reject-${x.id}`}
                            >
                              Reject
                            </button>
                          </>
                        ) : (
                          <span className={`pill pill-${x.status === 'accepted' ? 'good' : 'neutral'}`}>
                            {x.status}
                          </span>
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </section>
        <section className="card reader" aria-label="Article">
          {selected?.document ? (
            <ArticleReader caseId={caseId} claim={selected} />
          ) : (
            <p className="muted">Select a claim to read it in its article.</p>
          )}
        </section>
      </div>
      <section className="card">
        <header className="card-head">
          <h3>Timeline</h3>
        </header>
        <Loaded state={timeline} what="Timeline">
          {(body) => {
            const items = presentTimeline(body);
            return items.length === 0 ? (
              <p className="muted">Nothing on the timeline yet.</p>
            ) : (
              <ol className="timeline" data-testid="timeline">
                {items.slice(0, 60).map((t, i) => (
                  <li key={i}>
                    <time dateTime={t.date}>{t.date}</time>
                    <span className={`tag tag-${t.kind === 'claim' ? 'plan' : 'event'}`}>{t.kind}</span>
                    <span>
                      {t.actors.map((a) => (
                        <span key={a} className="chip">
                          <span className="swatch" style={{ background: colors.get(a) }} aria-hidden="true" />
                          {actorName(c, a)}
                        </span>
                      ))}
                      {t.issue && <span className="muted small"> {issueName(c, t.issue)} · </span>}
                      {t.summary}
                      {t.quote && <q className="timeline-quote">{unquote(t.quote)}</q>}
                    </span>
                  </li>
                ))}
              </ol>
            );
          }}
        </Loaded>
      </section>
    </div>
  );
}

function ArticleReader({ caseId, claim }: { caseId: string; claim: ClaimView }) {
  const doc = useApi((s) => endpoints.document(caseId, claim.document!, s), [caseId, claim.document]);
  const markRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // Scroll the reader panel only: scrollIntoView would also move the page under the user's pointer.
    const mark = markRef.current;
    const panel = mark?.closest('.reader');
    if (mark && panel instanceof HTMLElement) {
      const offset = mark.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
      panel.scrollTop = Math.max(0, offset - panel.clientHeight / 3);
    }
  }, [doc.data, claim.id]);
  if (doc.error) return <ErrorState error={doc.error} what="Loading the article" />;
  if (!doc.data) return <Loading label="Loading the article…" />;
  const d = doc.data;
  const parts = splitAroundQuote(d.cleanText, claim.quote, claim.start, claim.end);
  return (
    <article className="article" data-testid="article">
      <header>
        <h3>{d.title ?? d.id}</h3>
        <p className="muted small">
          {[d.publisher, d.date].filter(Boolean).join(' · ')}
          {d.duplicateKind !== 'unique' ? ` · ${d.duplicateKind} copy of an earlier article` : ''}
          {d.url && (
            <>
              {' · '}
              <a href={d.url.startsWith('http') ? d.url : '#'} target="_blank" rel="noreferrer noopener">
                source
              </a>
            </>
          )}
        </p>
      </header>
      <div className="article-text">
        {parts ? (
          <>
            {parts[0]}
            <mark ref={markRef} className="quote">
              {parts[1]}
            </mark>
            {parts[2]}
          </>
        ) : (
          d.cleanText || 'No cleaned text stored.'
        )}
      </div>
    </article>
  );
}

/** Strips quotation marks around a quote; the <q> element adds its own. */
function unquote(q: string): string {
  return q.replace(/^["“”']+|["“”']+$/g, '').trim();
}
