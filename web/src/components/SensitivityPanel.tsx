/**
 * Sensitivity of the forecast (POST /api/cases/:id/sensitivity): a tornado chart of the one-at-a-time effects
 * for one model and issue, the Sobol indices of the top inputs, and who must move to cross each red line.
 */
import { useState } from 'react';
import { endpoints } from '../api/endpoints.js';
import type { ResponseOf } from '../../../src/contract/index.js';
import type { ModelId } from '../../../src/engines/bargaining/models.js';
import { actorName, issueName, useCase } from '../lib/case-context.js';
import { fmt } from '../lib/format.js';
import { tornadoOption } from '../charts/sensitivity.js';
import { EChart } from './EChart.js';
import { ErrorState } from './States.js';

const MODELS: readonly ModelId[] = ['compromise', 'median', 'nash', 'bdm', 'smp', 'exchange'];

export function SensitivityPanel({ issues }: { issues: string[] }) {
  const { case: c, caseId, asOf, scenario } = useCase();
  const [model, setModel] = useState<ModelId>('compromise');
  const [issue, setIssue] = useState(issues[0] ?? '');
  const [result, setResult] = useState<ResponseOf<'sensitivity'>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await endpoints.sensitivity(caseId, { model, issue, asOf, scenario, samples: 128, top: 6 }));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  const one = result?.issues[0];
  return (
    <section className="card stack" data-testid="sensitivity-panel">
      <header className="card-head">
        <h3>Sensitivity</h3>
      </header>
      <div className="toolbar">
        <label className="field">
          <span>Model</span>
          <select
            value={model}
            onChange={(e) => setModel(e.target.value as ModelId)}
            data-testid="sensitivity-model"
          >
            {MODELS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Issue</span>
          <select value={issue} onChange={(e) => setIssue(e.target.value)} data-testid="sensitivity-issue">
            {issues.map((id) => (
              <option key={id} value={id}>
                {issueName(c, id)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          onClick={() => void run()}
          disabled={busy}
          data-testid="sensitivity-run"
        >
          {busy ? 'Running…' : 'Run sensitivity'}
        </button>
      </div>
      {error && <ErrorState error={error} what="Sensitivity" />}
      {one && (
        <>
          <EChart
            title={`What moves the ${result!.model} forecast of ${issueName(c, one.issue)} (base ${fmt(one.base)})`}
            subtitle="Each bar: the forecast with one input at the low and the high end of its Monte Carlo range (or a model parameter switched)."
            option={tornadoOption(one)}
            height={Math.max(240, Math.min(12, one.rows.length) * 30 + 60)}
            testId="tornado"
          />
          {one.sobol && (
            <table className="table small" data-testid="sobol-table">
              <thead>
                <tr>
                  <th scope="col">Sobol input</th>
                  <th scope="col" className="num">
                    first-order S
                  </th>
                  <th scope="col" className="num">
                    total ST
                  </th>
                </tr>
              </thead>
              <tbody>
                {one.sobol.inputs.map((name, k) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td className="num">{fmt(one.sobol!.first[k], 2)}</td>
                    <td className="num">{fmt(one.sobol!.total[k], 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {result!.crossings.length > 0 && (
            <table className="table small" data-testid="who-must-move">
              <thead>
                <tr>
                  <th scope="col">Red line of</th>
                  <th scope="col">Now</th>
                  <th scope="col">Smallest single move that crosses it</th>
                </tr>
              </thead>
              <tbody>
                {result!.crossings.map((x) => (
                  <tr key={`${x.owner}-${x.issue}`}>
                    <th scope="row">{actorName(c, x.owner)}</th>
                    <td>
                      {fmt(x.forecastNow)} ({x.insideNow ? 'inside' : 'outside'})
                    </td>
                    <td>
                      {x.smallest
                        ? `${actorName(c, x.smallest.actor)} ${x.smallest.field} ${fmt(x.smallest.from)} → ${fmt(x.smallest.to)} (forecast ${fmt(x.smallest.forecastAfter)})`
                        : 'no one actor alone'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
