/** Zone-of-agreement view: where every veto player's red lines overlap, and who must move where they do not. */
import { useMemo } from 'react';
import { endpoints } from '../api/endpoints.js';
import { presentZone } from '../lib/present-redlines.js';
import { actorName, issueName, useCase } from '../lib/case-context.js';
import { useApi } from '../lib/use-api.js';
import { stancesAsOf } from '../../../src/case/resolve.js';
import { fmt, scaleLabel } from '../lib/format.js';
import { zoneOption } from '../charts/zone.js';
import { EChart } from '../components/EChart.js';
import { Loaded } from '../components/States.js';
import { Warnings } from './ProposalView.js';

export default function ZoneView() {
  const { case: c, caseId, asOf, scenario, colors } = useCase();
  const zone = useApi((s) => endpoints.zopa(caseId, { asOf, scenario }, s), [caseId, asOf, scenario]);
  const stances = useMemo(() => stancesAsOf(c, asOf).all(), [c, asOf]);
  return (
    <Loaded state={zone} what="Zone of agreement">
      {(body) => {
        const z = presentZone(body);
        const open = z.issues.filter((r) => r.zone.length > 0).length;
        return (
          <div className="stack">
            <section
              className={`card banner ${z.allAccept ? 'banner-good' : 'banner-bad'}`}
              data-testid="zone-summary"
            >
              <strong>
                {z.allAccept
                  ? 'A package exists that every veto player accepts and prefers to the status quo.'
                  : z.feasible
                    ? 'Every issue has a zone, but the package leaves a veto player worse off than the status quo.'
                    : `No package satisfies every veto player: ${z.issues.length - open} of ${z.issues.length} issues have no overlap.`}
              </strong>
              <span>
                {' '}
                Veto players: {z.vetoPlayers.map((a) => actorName(c, a)).join(', ') || 'none'}.
                {!z.feasible && z.totalCost !== undefined && (
                  <> Smallest total relaxation: cost {fmt(z.totalCost, 2)}.</>
                )}
              </span>
            </section>
            <EChart
              title="Zone of agreement per issue"
              subtitle="Coloured bars: what each veto player accepts. Green frame: the overlap all of them accept."
              option={zoneOption(c, z, stances, colors)}
              height={Math.max(340, c.issues.length * 58 + 90)}
              testId="zone-chart"
            />
            <section className="card">
              <header className="card-head">
                <h3>Per issue</h3>
              </header>
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Issue</th>
                      <th scope="col">Zone</th>
                      <th scope="col">Package</th>
                      <th scope="col">Smallest relaxation that opens one</th>
                    </tr>
                  </thead>
                  <tbody>
                    {z.issues.map((r) => {
                      const issue = c.issues.find((i) => i.id === r.issue);
                      return (
                        <tr key={r.issue}>
                          <th scope="row">{issueName(c, r.issue)}</th>
                          <td>
                            {r.zone.length ? (
                              <span className="pill pill-good">
                                {r.zone
                                  .map(([lo, hi]) => (lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`))
                                  .join(', ')}
                              </span>
                            ) : (
                              <span className="pill pill-bad">empty</span>
                            )}
                          </td>
                          <td>
                            {r.suggested !== undefined && issue ? (
                              scaleLabel(issue, r.suggested)
                            ) : (
                              <span className="muted">—</span>
                            )}
                          </td>
                          <td>
                            {!r.relaxation || r.zone.length > 0 ? (
                              <span className="muted">—</span>
                            ) : (
                              <ul className="list plain">
                                {r.relaxation.moves.map((m, i) => (
                                  <li key={i}>
                                    <span
                                      className="swatch"
                                      style={{ background: colors.get(m.actor) }}
                                      aria-hidden="true"
                                    />
                                    <strong>{actorName(c, m.actor)}</strong> widens {m.direction} by{' '}
                                    {fmt(m.widenBy)} points
                                    <span className="muted"> (cost {fmt(m.cost, 2)})</span>
                                  </li>
                                ))}
                                <li className="muted small">
                                  meeting point {fmt(r.relaxation.point)} · weighted cost{' '}
                                  {fmt(r.relaxation.cost, 2)}
                                </li>
                              </ul>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
            {z.verdicts.length > 0 && (
              <section className="card">
                <header className="card-head">
                  <h3>The package, actor by actor</h3>
                </header>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Actor</th>
                      <th scope="col">Inside its red lines</th>
                      <th scope="col" className="num">
                        Utility vs status quo
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {z.verdicts.map((v) => (
                      <tr key={v.actor}>
                        <th scope="row">
                          <span
                            className="swatch"
                            style={{ background: colors.get(v.actor) }}
                            aria-hidden="true"
                          />
                          {actorName(c, v.actor)}
                        </th>
                        <td>
                          {v.insideRedLines ? (
                            <span className="pill pill-good">yes</span>
                          ) : (
                            <span className="pill pill-bad">no</span>
                          )}
                        </td>
                        <td className={`num ${v.utility !== null && v.utility < 0 ? 'neg' : 'pos'}`}>
                          {v.utility === null ? '—' : fmt(v.utility, 2)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
            {z.warnings.length > 0 && <Warnings items={z.warnings} />}
          </div>
        );
      }}
    </Loaded>
  );
}
