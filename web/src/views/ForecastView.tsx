/** Forecast view: models compared, trajectories by round, Monte Carlo bands and red-line odds, scenarios. */
import { useEffect, useMemo, useState } from 'react';
import { endpoints } from '../api/endpoints.js';
import { presentForecast } from '../lib/present-forecast.js';
import type { ModelId } from '../../../src/engines/bargaining/models.js';

/** The bargaining models, as the forecast route accepts them (src/engines/bargaining/models.ts). */
const MODELS: readonly ModelId[] = ['compromise', 'median', 'nash', 'bdm', 'smp', 'exchange'];
import { issueName, useCase } from '../lib/case-context.js';
import { useApi } from '../lib/use-api.js';
import { fmt } from '../lib/format.js';
import { modelComparisonOption, trajectoryOption } from '../charts/forecast.js';
import { EChart } from '../components/EChart.js';
import { EmptyState, Loaded } from '../components/States.js';
import { MonteCarloPanel } from '../components/MonteCarloPanel.js';
import { SensitivityPanel } from '../components/SensitivityPanel.js';
import { Warnings } from './ProposalView.js';

export default function ForecastView() {
  const { case: c, caseId, asOf, scenario, colors } = useCase();
  const issueIds = useMemo(() => c.issues.map((i) => i.id), [c]);
  const forecast = useApi(
    (s) => endpoints.forecast(caseId, { asOf, scenario, trajectory: true }, s),
    [caseId, asOf, scenario],
  );
  const view = useMemo(() => (forecast.data ? presentForecast(forecast.data) : undefined), [forecast.data]);
  const withRounds = useMemo(
    () => view?.models.filter((m) => (m.rounds?.length ?? 0) > 1 || (m.outcomes?.length ?? 0) > 1) ?? [],
    [view],
  );
  const [model, setModel] = useState<string>();
  const [issue, setIssue] = useState<string>(issueIds[0] ?? '');
  useEffect(() => {
    if (withRounds.length && !withRounds.some((m) => m.model === model)) setModel(withRounds[0]!.model);
  }, [withRounds, model]);

  return (
    <div className="stack">
      <Loaded state={{ ...forecast, data: view }} what="Forecast">
        {(f) =>
          f.models.length === 0 ? (
            <EmptyState title="The forecast returned no models" />
          ) : (
            <>
              <EChart
                title="Model comparison"
                subtitle="Predicted outcome per issue for each bargaining model; grey diamond = status quo."
                option={modelComparisonOption(c, {
                  ...f,
                  models: f.models.filter((m) => m.outcome.size > 0),
                })}
                height={Math.max(320, f.issues.length * 40 + 80)}
                testId="model-comparison"
              />
              <section className="card">
                <header className="card-head">
                  <h3>Predicted outcomes</h3>
                </header>
                <div className="table-wrap">
                  <table className="table" data-testid="forecast-table">
                    <thead>
                      <tr>
                        <th scope="col">Issue</th>
                        {f.models.map((m) => (
                          <th key={m.model} scope="col" className="num">
                            {m.model}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {f.models.some((m) => m.error) && (
                        <tr>
                          <th scope="row" className="muted">
                            Could not run
                          </th>
                          {f.models.map((m) => (
                            <td key={m.model} className="num small neg" title={m.error}>
                              {m.error ? 'error' : ''}
                            </td>
                          ))}
                        </tr>
                      )}
                      {f.issues.map((id) => (
                        <tr key={id}>
                          <th scope="row">{issueName(c, id)}</th>
                          {f.models.map((m) => {
                            const conv = forecast.data?.results
                              .find((r) => r.model === m.model)
                              ?.convergence?.issues.find((x) => x.issue === id);
                            const mark =
                              conv?.status === 'cycling' && conv.cycle && conv.cycle.min !== conv.cycle.max
                                ? ` ↻ ${fmt(conv.cycle.min)}–${fmt(conv.cycle.max)}`
                                : conv?.status === 'not-converged'
                                  ? ' …'
                                  : '';
                            return (
                              <td
                                key={m.model}
                                className="num"
                                title={
                                  conv?.status === 'cycling'
                                    ? `cycles with period ${conv.cycle?.period}: the forecast is the cycle's mean`
                                    : conv?.status === 'not-converged'
                                      ? `still moving after ${conv.rounds} rounds`
                                      : undefined
                                }
                                data-convergence={conv?.status}
                              >
                                {fmt(m.outcome.get(id))}
                                {mark}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              {withRounds.length > 0 && model && (
                <>
                  <section className="card toolbar">
                    <label className="field">
                      <span>Model</span>
                      <select
                        value={model}
                        onChange={(e) => setModel(e.target.value)}
                        data-testid="trajectory-model"
                      >
                        {withRounds.map((m) => (
                          <option key={m.model}>{m.model}</option>
                        ))}
                      </select>
                    </label>
                    <label className="field">
                      <span>Issue</span>
                      <select
                        value={issue}
                        onChange={(e) => setIssue(e.target.value)}
                        data-testid="trajectory-issue"
                      >
                        {c.issues.map((i) => (
                          <option key={i.id} value={i.id}>
                            {i.name}
                          </option>
                        ))}
                      </select>
                    </label>
                  </section>
                  <EChart
                    title={`Trajectories — ${model}, ${issueName(c, issue)}`}
                    subtitle="Each actor's position round by round; dashed: the model's predicted outcome."
                    option={trajectoryOption(c, f, model, issue, colors)}
                    height={340}
                    testId="trajectories"
                  />
                </>
              )}
              {[...f.warnings, ...f.models.flatMap((m) => m.warnings.map((w) => `${m.model}: ${w}`))].length >
                0 && (
                <Warnings
                  items={[
                    ...f.warnings,
                    ...f.models.flatMap((m) => m.warnings.map((w) => `${m.model}: ${w}`)),
                  ]}
                />
              )}
            </>
          )
        }
      </Loaded>
      <MonteCarloPanel />
      <SensitivityPanel issues={issueIds} />
      {c.scenarios.length > 0 && <ScenarioComparison />}
    </div>
  );
}

/** Baseline and every scenario forecast side by side (one model, chosen here). */
function ScenarioComparison() {
  const { case: c, caseId, asOf } = useCase();
  const [model, setModel] = useState<ModelId>('compromise');
  const runs = useApi(
    (s) =>
      Promise.all(
        [undefined, ...c.scenarios.map((x) => x.id)].map((scenario) =>
          endpoints.forecast(caseId, { models: [model], asOf, scenario }, s).then((b) => ({
            scenario,
            view: presentForecast(b),
          })),
        ),
      ),
    [caseId, asOf, model, c],
  );
  return (
    <section className="card" data-testid="scenarios">
      <header className="card-head">
        <h3>Scenarios side by side</h3>
        <label className="field-inline">
          <span>Model</span>
          <select value={model} onChange={(e) => setModel(e.target.value as ModelId)}>
            {MODELS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
      </header>
      <Loaded state={runs} what="Scenario forecasts">
        {(list) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  {list.map((r) => (
                    <th key={r.scenario ?? 'base'} scope="col" className="num">
                      {r.scenario
                        ? (c.scenarios.find((s) => s.id === r.scenario)?.name ?? r.scenario)
                        : 'Baseline'}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {c.issues.map((i) => {
                  const base = list[0]?.view.models[0]?.outcome.get(i.id);
                  return (
                    <tr key={i.id}>
                      <th scope="row">{i.name}</th>
                      {list.map((r, k) => {
                        const v = r.view.models[0]?.outcome.get(i.id);
                        const d = k > 0 && v !== undefined && base !== undefined ? v - base : undefined;
                        return (
                          <td key={r.scenario ?? 'base'} className="num">
                            {fmt(v)}
                            {d !== undefined && Math.abs(d) >= 0.05 && (
                              <span className={`delta ${d > 0 ? 'pos' : 'neg'}`}>
                                {' '}
                                {d > 0 ? '+' : ''}
                                {fmt(d)}
                              </span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
    </section>
  );
}
