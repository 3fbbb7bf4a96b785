/** Stability view: the GMCR states table — options as Y/N columns, stability marks per DM and concept. */
import { Fragment, useState } from 'react';
import { endpoints } from '../api/endpoints.js';
import { presentStability } from '../lib/present-stability.js';
import { useCase } from '../lib/case-context.js';
import { useApi } from '../lib/use-api.js';
import { EmptyState, Loaded } from '../components/States.js';
import { Warnings } from './ProposalView.js';

export default function StabilityView() {
  const { case: c, caseId } = useCase();
  const conflicts = c.conflicts.map((x) => x.id);
  const [conflict, setConflict] = useState(conflicts[0]);
  const result = useApi(conflict ? (s) => endpoints.stability(caseId, conflict, s) : undefined, [
    caseId,
    conflict,
  ]);
  const [onlyEq, setOnlyEq] = useState(false);
  if (!conflict)
    return (
      <EmptyState title="No GMCR conflict in this case">
        Add one under <code>conflicts:</code> in the case editor.
      </EmptyState>
    );

  return (
    <div className="stack">
      <section className="card toolbar">
        <label className="field">
          <span>Conflict</span>
          <select value={conflict} onChange={(e) => setConflict(e.target.value)}>
            {conflicts.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={onlyEq} onChange={(e) => setOnlyEq(e.target.checked)} /> Equilibria
          only
        </label>
      </section>
      <Loaded state={result} what="Stability analysis">
        {(body) => {
          const v = presentStability(body);
          if (v.states.length === 0) return <EmptyState title="The analysis returned no states" />;
          const eqStates = new Set(v.states.filter((s) => s.equilibria.length > 0).map((s) => s.id));
          const eqPaths = v.paths.filter((p) => eqStates.has(p.to));
          const rows = onlyEq ? v.states.filter((s) => s.equilibria.length > 0) : v.states;
          const byDm = new Map<string, typeof v.options>();
          for (const o of v.options) byDm.set(o.dm ?? '', [...(byDm.get(o.dm ?? '') ?? []), o]);
          const dmName = (id: string) =>
            v.dms.find((d) => d.id === id)?.name ?? c.actors.find((a) => a.id === id)?.name ?? id;
          return (
            <>
              <section className="card">
                <header className="card-head">
                  <div>
                    <h3>States and stability</h3>
                    <p className="muted small">
                      Y/N: whether each option is taken. ✓ stable for that decision maker under the concept; ★
                      stable for all of them, an equilibrium. SQ marks the status quo.
                    </p>
                  </div>
                  <span className="muted small">
                    {v.states.length} feasible states · {v.states.filter((s) => s.equilibria.length).length}{' '}
                    equilibria under at least one concept
                  </span>
                </header>
                <div className="table-wrap">
                  <table className="table gmcr" data-testid="stability-table">
                    <thead>
                      <tr>
                        <th rowSpan={2} scope="col">
                          State
                        </th>
                        {[...byDm.entries()].map(([dm, opts]) => (
                          <th key={dm} colSpan={opts.length} scope="colgroup" className="group">
                            {dm ? dmName(dm) : 'Options'}
                          </th>
                        ))}
                        {v.concepts.map((k) => (
                          <th
                            key={k}
                            colSpan={Math.max(v.dms.length, 1) + 1}
                            scope="colgroup"
                            className="group"
                          >
                            {k.toUpperCase()}
                          </th>
                        ))}
                      </tr>
                      <tr>
                        {[...byDm.values()].flat().map((o) => (
                          <th key={o.id} scope="col" className="opt" title={o.label}>
                            {o.label}
                          </th>
                        ))}
                        {v.concepts.map((k) => (
                          <Fragment key={k}>
                            {v.dms.map((d) => (
                              <th key={d.id} scope="col" className="mark" title={`${d.name} · ${k}`}>
                                {d.short}
                              </th>
                            ))}
                            <th scope="col" className="mark">
                              Eq
                            </th>
                          </Fragment>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((s) => (
                        <tr
                          key={s.id}
                          className={`${s.equilibria.length ? 'eq' : ''} ${s.id === v.statusQuo ? 'sq' : ''}`}
                        >
                          <th scope="row">
                            {s.id}
                            {s.id === v.statusQuo && <span className="tag">SQ</span>}
                          </th>
                          {[...byDm.values()].flat().map((o) => {
                            const i = v.options.indexOf(o);
                            const b = s.bits[i] ?? '-';
                            return (
                              <td key={o.id} className={`yn yn-${b}`}>
                                {b}
                              </td>
                            );
                          })}
                          {v.concepts.map((k) => (
                            <Fragment key={k}>
                              {v.dms.map((d) => {
                                const m = s.marks.get(k)?.get(d.id);
                                return (
                                  <td
                                    key={d.id}
                                    className={`mark ${m ? 'stable' : m === false ? 'unstable' : ''}`}
                                  >
                                    {m === undefined ? '' : m ? '✓' : '·'}
                                  </td>
                                );
                              })}
                              <td className={`mark ${s.equilibria.includes(k) ? 'eqmark' : ''}`}>
                                {s.equilibria.includes(k) ? '★' : ''}
                              </td>
                            </Fragment>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              {v.statusQuo && (
                <section className="card" data-testid="status-quo-paths">
                  <header className="card-head">
                    <h3>Paths from the status quo (state {v.statusQuo}) to equilibria</h3>
                  </header>
                  {eqPaths.length === 0 ? (
                    <p className="muted">
                      No equilibrium is reachable from the status quo within the search depth.
                    </p>
                  ) : (
                    <ul className="list plain">
                      {eqPaths.map((p) => (
                        <li key={p.to}>
                          <strong>state {p.to}</strong>{' '}
                          <span className="path">{[v.statusQuo, ...p.steps].join(' → ')}</span>
                          <span className="muted small">
                            {' '}
                            · {p.steps.length} move{p.steps.length === 1 ? '' : 's'}
                            {p.improvement
                              ? ', unilateral improvements only'
                              : ', including non-improving moves'}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              )}
              {v.warnings.length > 0 && <Warnings items={v.warnings} />}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
