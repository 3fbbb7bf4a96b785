/** Case overview: what the case holds, its actors, issues, proposals and the latest events. */
import { actorName, useCase } from '../lib/case-context.js';
import { caseHref } from '../lib/router.js';
import { statusQuoValue } from '../../../src/case/resolve.js';
import { scaleLabel } from '../lib/format.js';

export default function OverviewView() {
  const { case: c, caseId, colors } = useCase();
  const events = [...c.events].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 8);
  // Parties carry weight or a veto; the rest (persons, member states) are there to match text to the case.
  const parties = c.actors.filter((a) => a.capability > 0 || a.veto);
  const tracked = c.actors.filter((a) => !(a.capability > 0 || a.veto));
  const proposals = [...c.proposals].sort((a, b) => a.date.localeCompare(b.date));
  const kpis: [string, number][] = [
    ['Actors', c.actors.length],
    ['Issues', c.issues.length],
    ['Stances', c.stances.length],
    ['Proposals', c.proposals.length],
    ['Sources', c.sources.length],
    ['Events', c.events.length],
  ];
  return (
    <div className="stack">
      {c.description && <p className="lede">{c.description}</p>}
      <ul className="kpis">
        {kpis.map(([label, n]) => (
          <li key={label} className="card kpi">
            <span className="kpi-n">{n}</span>
            <span className="kpi-label">{label}</span>
          </li>
        ))}
      </ul>
      <div className="grid-2">
        <section className="card">
          <header className="card-head">
            <h3>Proposals</h3>
            <a className="btn btn-ghost btn-xs" href={caseHref(caseId, 'diff')}>
              Compare…
            </a>
          </header>
          {proposals.length === 0 ? (
            <p className="muted">No proposals yet.</p>
          ) : (
            <ul className="list" data-testid="proposal-list">
              {proposals.map((p) => (
                <li key={p.id}>
                  <a href={caseHref(caseId, 'proposal', p.id)} className="list-link">
                    <span className={`tag tag-${p.kind}`}>{p.kind}</span>
                    <span className="list-main">
                      <strong>{p.title}</strong>
                      <span className="muted small">
                        {p.date} · {p.points.length} points
                        {p.authors.length > 0 && (
                          <> · by {p.authors.map((a) => actorName(c, a)).join(', ')}</>
                        )}
                      </span>
                    </span>
                    <span aria-hidden="true">›</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card">
          <header className="card-head">
            <h3>Actors</h3>
          </header>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Actor</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">
                    Capability
                  </th>
                  <th scope="col">Veto</th>
                </tr>
              </thead>
              <tbody>
                {parties.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <span className="swatch" style={{ background: colors.get(a.id) }} aria-hidden="true" />
                      {a.name}
                    </th>
                    <td>{a.kind}</td>
                    <td className="num">{a.capability}</td>
                    <td>
                      {a.veto ? <span className="tag tag-veto">veto</span> : <span className="muted">—</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {tracked.length > 0 && (
            <details className="tracked">
              <summary>
                {tracked.length} more actors tracked for matching articles (members, officials) — their weight
                counts in the actor they belong to
              </summary>
              <p className="small">
                {tracked.map((a, k) => (
                  <span key={a.id}>
                    {k > 0 && ', '}
                    {a.name}
                    {a.parent && <span className="muted"> ({actorName(c, a.parent)})</span>}
                  </span>
                ))}
              </p>
            </details>
          )}
        </section>
      </div>
      <div className="grid-2">
        <section className="card">
          <header className="card-head">
            <h3>Issues</h3>
            <a className="btn btn-ghost btn-xs" href={caseHref(caseId, 'positions')}>
              Position map ›
            </a>
          </header>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Issue</th>
                <th scope="col">Status quo</th>
              </tr>
            </thead>
            <tbody>
              {c.issues.map((i) => (
                <tr key={i.id}>
                  <th scope="row" title={i.description}>
                    {i.name}
                  </th>
                  <td>
                    {i.statusQuo ? (
                      scaleLabel(i, statusQuoValue(i))
                    ) : (
                      <span className="muted">not recorded</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card">
          <header className="card-head">
            <h3>Latest events</h3>
            <a className="btn btn-ghost btn-xs" href={caseHref(caseId, 'evidence')}>
              Evidence ›
            </a>
          </header>
          {events.length === 0 ? (
            <p className="muted">No events recorded.</p>
          ) : (
            <ol className="timeline">
              {events.map((e) => (
                <li key={e.id}>
                  <time dateTime={e.date}>{e.date}</time>
                  <span className={`tag tag-event`}>{e.type}</span>
                  <span>{e.summary}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}
