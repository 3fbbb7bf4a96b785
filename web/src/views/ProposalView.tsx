/** Proposal view: pick a plan, see which points cross whose red lines, each actor's verdict and utility. */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { endpoints } from '../api/endpoints.js';
import { presentCheck, verdictLabel, verdictTone, type CheckCell } from '../lib/present-redlines.js';
import { actorName, issueName, useCase } from '../lib/case-context.js';
import { caseHref, navigate } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';
import { fmt } from '../lib/format.js';
import { redLineMatrixOption } from '../charts/redline-matrix.js';
import { EChart } from '../components/EChart.js';
import { EmptyState, Loaded } from '../components/States.js';
import { STATUS_COLORS } from '../lib/colors.js';

export default function ProposalView({ arg }: { arg?: string }) {
  const { case: c, caseId, asOf, scenario, colors } = useCase();
  const proposals = useMemo(() => [...c.proposals].sort((a, b) => a.date.localeCompare(b.date)), [c]);
  const proposal = proposals.find((p) => p.id === arg) ?? proposals[proposals.length - 1];
  const check = useApi(
    proposal ? (s) => endpoints.check(caseId, proposal.id, { asOf, scenario }, s) : undefined,
    [caseId, proposal?.id, asOf, scenario],
  );
  const [selected, setSelected] = useState<CheckCell>();

  // Arrow keys move between plans, as in any tab list (WAI-ARIA tabs pattern).
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!proposal || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    const k = proposals.findIndex((p) => p.id === proposal.id);
    const next = proposals[(k + (e.key === 'ArrowRight' ? 1 : proposals.length - 1)) % proposals.length]!;
    setSelected(undefined);
    navigate(caseHref(caseId, 'proposal', next.id));
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-testid="plan-${next.id}"]`)?.focus(),
    );
  };

  if (!proposal)
    return <EmptyState title="No proposals in this case">Add one in the case editor.</EmptyState>;
  const summaries = new Map(proposal.points.map((p) => [p.number, p.summary]));

  return (
    <div className="stack">
      <div className="plan-tabs" role="tablist" aria-label="Proposals" onKeyDown={onTabKey}>
        {proposals.map((p) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            aria-selected={p.id === proposal.id}
            tabIndex={p.id === proposal.id ? 0 : -1}
            className={`plan-tab ${p.id === proposal.id ? 'active' : ''}`}
            onClick={() => {
              setSelected(undefined);
              navigate(caseHref(caseId, 'proposal', p.id));
            }}
            data-testid={`plan-${p.id}`}
          >
            <span className={`tag tag-${p.kind}`}>{p.kind}</span>
            <span className="plan-tab-title">{p.title}</span>
            <span className="muted small">{p.date}</span>
          </button>
        ))}
      </div>
      {proposal.description && <p className="lede">{proposal.description}</p>}
      <Loaded state={check} what="Red-line check">
        {(body) => {
          const view = presentCheck(body);
          if (view.cells.length === 0 && view.verdicts.length === 0)
            return (
              <EmptyState title="The check returned no matrix">
                The server answered, but with no point × actor cells.
              </EmptyState>
            );
          const crossings = view.cells.filter((x) => x.status === 'crosses');
          // Bars share one scale: the largest |utility| in this check, at least 0.25 so tiny values stay tiny.
          const utilityScale = Math.max(0.25, ...view.verdicts.map((v) => Math.abs(v.utility ?? 0)));
          return (
            <>
              <section className="card" data-testid="verdicts">
                <header className="card-head">
                  <h3>Verdicts as of {asOf ?? 'latest'}</h3>
                  <span className="muted small">
                    {crossings.length} red-line crossing{crossings.length === 1 ? '' : 's'} in{' '}
                    {view.points.length} points
                  </span>
                </header>
                <ul className="verdicts">
                  {view.verdicts.map((v) => {
                    const mine = crossings.filter((x) => x.actor === v.actor);
                    return (
                      <li key={v.actor} className={`verdict verdict-${verdictTone(v.verdict)}`}>
                        <div className="verdict-head">
                          <span
                            className="swatch"
                            style={{ background: colors.get(v.actor) }}
                            aria-hidden="true"
                          />
                          <strong>{actorName(c, v.actor)}</strong>
                          <span className={`pill pill-${verdictTone(v.verdict)}`}>
                            {verdictLabel(v.verdict)}
                          </span>
                          {v.veto && <span className="tag tag-veto">veto</span>}
                        </div>
                        <div className="verdict-body">
                          <span className="muted small">utility vs status quo</span>
                          <UtilityBar value={v.utility ?? undefined} scale={utilityScale} />
                          {mine.length > 0 && (
                            <span className="small">
                              crosses on point{mine.length > 1 ? 's' : ''}{' '}
                              {mine.map((x) => `#${x.point}`).join(', ')}
                            </span>
                          )}
                          {v.reasons.slice(0, 3).map((r, i) => (
                            <p key={i} className="small muted">
                              {r}
                            </p>
                          ))}
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </section>
              <div className="grid-matrix">
                <EChart
                  title={`Red-line matrix — ${proposal.title}`}
                  subtitle="Each cell: does the point fall inside the actor’s red line? Hover for the reason, click to pin it."
                  option={redLineMatrixOption(c, view, summaries, window.innerWidth < 760)}
                  height={Math.max(300, view.points.length * 26 + 90)}
                  onClick={(p) => {
                    const d = p.data as { cell?: CheckCell } | undefined;
                    if (d?.cell) setSelected(d.cell);
                  }}
                  testId="redline-matrix"
                />
                <aside className="card detail" aria-live="polite" data-testid="cell-detail">
                  <div className="legend-row">
                    <span className="swatch" style={{ background: STATUS_COLORS.inside }} /> inside
                    <span className="swatch" style={{ background: STATUS_COLORS.crosses }} /> crosses
                    <span className="swatch" style={{ background: STATUS_COLORS.noRedLine }} /> no red line
                    <span
                      className="swatch"
                      style={{ background: STATUS_COLORS.silent, outline: '1px solid #d3d9e0' }}
                    />{' '}
                    silent
                  </div>
                  {selected ? (
                    <>
                      <h4>
                        Point {selected.point} × {actorName(c, selected.actor)}
                      </h4>
                      <p>{summaries.get(selected.point)}</p>
                      {selected.issue && <p className="small muted">Issue: {issueName(c, selected.issue)}</p>}
                      <p
                        className={`pill pill-${selected.status === 'crosses' ? 'bad' : selected.status === 'inside' ? 'good' : 'neutral'}`}
                      >
                        {selected.status}
                      </p>
                      {selected.reason && <p>{selected.reason}</p>}
                    </>
                  ) : (
                    <p className="muted">
                      Click a cell to read why the point does or does not cross the actor’s red line.
                    </p>
                  )}
                  {crossings.length > 0 && (
                    <div className="crossing-list">
                      <h4>Red lines crossed</h4>
                      <ul>
                        {crossings.map((x) => (
                          <li key={`${x.point}-${x.actor}`}>
                            <button
                              type="button"
                              className={`chip-btn ${selected === x ? 'active' : ''}`}
                              onClick={() => setSelected(x)}
                            >
                              <span
                                className="swatch"
                                style={{ background: colors.get(x.actor) }}
                                aria-hidden="true"
                              />
                              #{x.point} × {actorName(c, x.actor)}
                            </button>
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                </aside>
              </div>
              <section className="card">
                <header className="card-head">
                  <h3>Points</h3>
                </header>
                <ol className="points">
                  {proposal.points.map((p) => {
                    const cross = view.cells.filter((x) => x.point === p.number && x.status === 'crosses');
                    return (
                      <li key={p.number} className={cross.length ? 'point crosses' : 'point'}>
                        <span className="point-n">{p.number}</span>
                        <span className="point-text">{p.summary}</span>
                        <span className="point-tags">
                          {p.settles.map((s) => (
                            <span key={s.issue} className="tag">
                              {issueName(c, s.issue)}
                            </span>
                          ))}
                          {cross.map((x) => (
                            <span
                              key={x.actor}
                              className="tag tag-cross"
                              style={{ borderColor: colors.get(x.actor) }}
                            >
                              ✕ {actorName(c, x.actor)}
                            </span>
                          ))}
                        </span>
                      </li>
                    );
                  })}
                </ol>
              </section>
              {view.warnings.length > 0 && <Warnings items={view.warnings} />}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

function UtilityBar({ value, scale }: { value: number | undefined; scale: number }) {
  if (value === undefined) return <span className="muted">—</span>;
  const pct = Math.min(Math.abs(value) / scale, 1) * 50;
  return (
    <span className="utility" title={`utility ${fmt(value, 3)} on a −1…+1 scale`}>
      <span className="utility-track">
        <span
          className={`utility-fill ${value < 0 ? 'neg' : 'pos'}`}
          style={value < 0 ? { right: '50%', width: `${pct}%` } : { left: '50%', width: `${pct}%` }}
        />
      </span>
      <span className="utility-n">
        {value > 0 ? '+' : ''}
        {fmt(value, 2)}
      </span>
    </span>
  );
}

export function Warnings({ items }: { items: string[] }) {
  return (
    <details className="card warnings" role="note" open={items.length <= 3}>
      <summary>
        {items.length} warning{items.length === 1 ? '' : 's'} from the engine
      </summary>
      <ul>
        {items.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
}
