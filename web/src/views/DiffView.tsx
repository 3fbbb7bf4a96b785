/** Diff view: two proposals side by side — per issue what changed and whom the change favours. */
import { useMemo, useState } from 'react';
import { endpoints } from '../api/endpoints.js';
import { presentDiff } from '../lib/present-redlines.js';
import { actorName, issueName, useCase } from '../lib/case-context.js';
import { useApi } from '../lib/use-api.js';
import { fmt, scaleLabel } from '../lib/format.js';
import { diffGainsOption } from '../charts/diff-gains.js';
import { EChart } from '../components/EChart.js';
import { EmptyState, Loaded } from '../components/States.js';
import { Warnings } from './ProposalView.js';

export default function DiffView() {
  const { case: c, caseId, asOf, scenario, colors } = useCase();
  const proposals = useMemo(() => [...c.proposals].sort((a, b) => a.date.localeCompare(b.date)), [c]);
  const framework = proposals.find((p) => p.kind === 'framework') ?? proposals[0];
  const plan = [...proposals].reverse().find((p) => p.id !== framework?.id);
  const [from, setFrom] = useState(framework?.id);
  const [to, setTo] = useState(plan?.id);
  const diff = useApi(
    from && to && from !== to ? (s) => endpoints.diff(caseId, from, to, { asOf, scenario }, s) : undefined,
    [caseId, from, to, asOf, scenario],
  );
  if (proposals.length < 2) return <EmptyState title="Two proposals are needed for a diff" />;
  const title = (id?: string) => proposals.find((p) => p.id === id)?.title ?? id;

  return (
    <div className="stack">
      <section className="card toolbar">
        <label className="field">
          <span>From</span>
          <select
            className="wide"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="diff-from"
          >
            {proposals.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({p.date})
              </option>
            ))}
          </select>
        </label>
        <span className="arrow" aria-hidden="true">
          →
        </span>
        <label className="field">
          <span>To</span>
          <select className="wide" value={to} onChange={(e) => setTo(e.target.value)} data-testid="diff-to">
            {proposals.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({p.date})
              </option>
            ))}
          </select>
        </label>
      </section>
      {from === to ? (
        <EmptyState title="Pick two different proposals" />
      ) : (
        <Loaded state={diff} what="Diff">
          {(body) => {
            const d = presentDiff(body);
            const totals = [...d.totals.entries()].sort((a, b) => b[1] - a[1]);
            return (
              <>
                {totals.length > 0 && (
                  <ul className="kpis" aria-label="Net gain per actor">
                    {totals.map(([a, v]) => (
                      <li key={a} className="card kpi">
                        <span className={`kpi-n ${v > 0 ? 'pos' : v < 0 ? 'neg' : ''}`}>
                          {v > 0 ? '+' : ''}
                          {fmt(v, 2)}
                        </span>
                        <span className="kpi-label">
                          <span className="swatch" style={{ background: colors.get(a) }} aria-hidden="true" />
                          {actorName(c, a)}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                {d.issues.some((r) => r.gains.size > 0) && (
                  <EChart
                    title={`Who gains: ${title(from)} → ${title(to)}`}
                    subtitle="Salience-weighted movement of the outcome toward (+) or away from (−) each actor's position."
                    option={diffGainsOption(c, d, colors)}
                    height={Math.max(300, d.issues.length * 44 + 80)}
                    testId="diff-chart"
                  />
                )}
                <section className="card">
                  <header className="card-head">
                    <h3>Per issue</h3>
                  </header>
                  <div className="table-wrap">
                    <table className="table" data-testid="diff-table">
                      <thead>
                        <tr>
                          <th scope="col">Issue</th>
                          <th scope="col" title={title(from)}>
                            From
                          </th>
                          <th scope="col" title={title(to)}>
                            To
                          </th>
                          <th scope="col" className="num">
                            Change
                          </th>
                          <th scope="col">Favours</th>
                        </tr>
                      </thead>
                      <tbody>
                        {d.issues.map((r) => {
                          const issue = c.issues.find((i) => i.id === r.issue);
                          const winners = [...r.gains.entries()]
                            .filter(([, v]) => v > 0.005)
                            .sort((a, b) => b[1] - a[1]);
                          return (
                            <tr key={r.issue}>
                              <th scope="row">{issueName(c, r.issue)}</th>
                              <td>
                                {r.from === undefined ? (
                                  <Open issue={issue} value={r.statusQuo} />
                                ) : issue ? (
                                  scaleLabel(issue, r.from)
                                ) : (
                                  fmt(r.from)
                                )}
                              </td>
                              <td>
                                {r.to === undefined ? (
                                  <Open issue={issue} value={r.statusQuo} />
                                ) : issue ? (
                                  scaleLabel(issue, r.to)
                                ) : (
                                  fmt(r.to)
                                )}
                              </td>
                              <td className="num">
                                {r.change === undefined ? '—' : `${r.change > 0 ? '+' : ''}${fmt(r.change)}`}
                              </td>
                              <td>
                                {winners.length === 0 ? (
                                  <span className="muted">—</span>
                                ) : (
                                  winners.map(([a]) => (
                                    <span key={a} className="chip">
                                      <span
                                        className="swatch"
                                        style={{ background: colors.get(a) }}
                                        aria-hidden="true"
                                      />
                                      {actorName(c, a)}
                                    </span>
                                  ))
                                )}
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </div>
                </section>
                <div className="grid-2">
                  <ChangeList title="Red lines newly crossed" items={d.crossed} tone="bad" />
                  <ChangeList title="Red lines cleared" items={d.cleared} tone="good" />
                </div>
                <div className="grid-2">
                  <PointList title="Points added" items={d.added} />
                  <PointList title="Points dropped" items={d.dropped} />
                </div>
                {d.warnings.length > 0 && <Warnings items={d.warnings} />}
              </>
            );
          }}
        </Loaded>
      )}
    </div>
  );
}

/** An issue the proposal leaves open keeps its status quo. */
function Open({
  issue,
  value,
}: {
  issue: ReturnType<typeof useCase>['case']['issues'][number] | undefined;
  value: number | undefined;
}) {
  return (
    <span className="muted">
      left open{value !== undefined && issue ? ` — status quo ${scaleLabel(issue, value)}` : ''}
    </span>
  );
}

function ChangeList({
  title,
  items,
  tone,
}: {
  title: string;
  items: { actor: string; issue?: string; text: string }[];
  tone: string;
}) {
  const { case: c, colors } = useCase();
  return (
    <section className="card">
      <header className="card-head">
        <h3>{title}</h3>
        <span className={`pill pill-${items.length ? tone : 'neutral'}`}>{items.length}</span>
      </header>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="list plain">
          {items.map((x, i) => (
            <li key={i}>
              <span className="swatch" style={{ background: colors.get(x.actor) }} aria-hidden="true" />
              <strong>{actorName(c, x.actor)}</strong>
              {x.issue && <> on {issueName(c, x.issue)}</>}
              {x.text && <span className="muted"> — {x.text}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PointList({ title, items }: { title: string; items: { number: number; summary?: string }[] }) {
  return (
    <section className="card">
      <header className="card-head">
        <h3>{title}</h3>
        <span className="pill pill-neutral">{items.length}</span>
      </header>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="list plain">
          {items.map((p) => (
            <li key={p.number}>
              <strong>#{p.number}</strong> {p.summary}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
