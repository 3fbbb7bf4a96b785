/** Runs a Monte Carlo job, shows its progress from the SSE stream, then the bands and red-line odds. */
import { useEffect, useRef, useState } from 'react';
import { endpoints } from '../api/endpoints.js';
import type { JobResults } from '../../../src/contract/index.js';
import { followJob, type JobProgress } from '../api/jobs.js';
import { presentMonteCarlo } from '../lib/present-forecast.js';
import { actorName, issueName, useCase } from '../lib/case-context.js';
import { fmt } from '../lib/format.js';
import { monteCarloOption } from '../charts/forecast.js';
import { EChart } from './EChart.js';
import { ErrorState } from './States.js';

export function MonteCarloPanel() {
  const { case: c, caseId, asOf, scenario, colors } = useCase();
  const [runs, setRuns] = useState(500);
  const [seed, setSeed] = useState(1);
  const [model, setModel] = useState('compromise');
  const [progress, setProgress] = useState<JobProgress>();
  const [error, setError] = useState<Error>();
  const stop = useRef<() => void>(undefined);
  const [jobId, setJobId] = useState<string>();
  useEffect(() => () => stop.current?.(), []);

  const start = async () => {
    stop.current?.();
    setError(undefined);
    setProgress({ state: 'queued', fraction: 0, done: 0, total: 0 });
    try {
      const { job } = await endpoints.startJob(caseId, 'montecarlo', { runs, seed, model, asOf, scenario });
      setJobId(job.id);
      stop.current = followJob(job.id, setProgress);
    } catch (err) {
      setProgress(undefined);
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };

  const running = progress && (progress.state === 'queued' || progress.state === 'running');
  const cancel = async () => {
    if (!jobId) return;
    try {
      await endpoints.cancelJob(jobId);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  const mc =
    progress?.state === 'succeeded' && progress.result !== undefined
      ? presentMonteCarlo(progress.result as JobResults['montecarlo'])
      : undefined;
  const pct = Math.round((progress?.fraction ?? 0) * 100);

  return (
    <section className="card" data-testid="montecarlo">
      <header className="card-head">
        <div>
          <h3>Monte Carlo uncertainty</h3>
          <p className="muted small">
            Perturbs capabilities, saliences and positions within the case's ranges; seeded and reproducible.
          </p>
        </div>
      </header>
      <form
        className="toolbar inline"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label className="field">
          <span>Runs</span>
          <input
            type="number"
            min={10}
            max={100000}
            step={10}
            value={runs}
            onChange={(e) => setRuns(Number(e.target.value))}
            data-testid="mc-runs"
          />
        </label>
        <label className="field">
          <span>Seed</span>
          <input type="number" value={seed} onChange={(e) => setSeed(Number(e.target.value))} />
        </label>
        <label className="field">
          <span>Model</span>
          <select value={model} onChange={(e) => setModel(e.target.value)}>
            {['compromise', 'median', 'nash', 'bdm', 'smp'].map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={!!running} data-testid="mc-run">
          {running ? 'Running…' : 'Run Monte Carlo'}
        </button>
        {running && jobId && (
          <button type="button" className="btn" onClick={() => void cancel()} data-testid="mc-cancel">
            Cancel
          </button>
        )}
      </form>
      {error && <ErrorState error={error} what="Starting the Monte Carlo job" />}
      {progress && (
        <div className="job" data-testid="job-status" data-state={progress.state}>
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            aria-label="Monte Carlo progress"
          >
            <div
              className={`progress-fill ${progress.state}`}
              style={{ width: `${progress.state === 'queued' ? 2 : pct}%` }}
            />
          </div>
          <span className="small">
            {progress.state === 'succeeded'
              ? 'Finished'
              : progress.state === 'failed'
                ? `Failed: ${progress.error ?? 'unknown error'}`
                : progress.state === 'cancelled'
                  ? 'Cancelled'
                  : progress.state === 'queued'
                    ? 'Queued…'
                    : `Running… ${pct} %`}
            {progress.done !== undefined &&
              progress.total !== undefined &&
              ` (${progress.done} of ${progress.total} parts)`}
          </span>
        </div>
      )}
      {mc && mc.issues.length > 0 && (
        <EChart
          title={`Monte Carlo bands${mc.runs ? ` — ${mc.runs} runs` : ''}`}
          subtitle="Light: 90 % of runs; dark: the middle 50 %; tick: median."
          option={monteCarloOption(c, mc)}
          height={Math.max(300, mc.issues.length * 40 + 80)}
          testId="mc-bands"
        />
      )}
      {mc && mc.inside.size > 0 && (
        <div className="table-wrap">
          <h4>Probability the outcome lands inside each red line</h4>
          {mc.everyRedLineHolds !== undefined && (
            <p className="small" data-testid="mc-every">
              Every actor’s every red line holds together in{' '}
              <strong>{fmt(mc.everyRedLineHolds * 100, 1)} %</strong> of runs
              {mc.failedRuns ? ` (${mc.failedRuns} runs failed and are left out)` : ''}.
            </p>
          )}
          <table className="table heat" data-testid="mc-redlines">
            <thead>
              <tr>
                <th scope="col">Actor</th>
                {c.issues.map((i) => (
                  <th key={i.id} scope="col" className="num" title={i.name}>
                    {i.name.length > 14 ? `${i.name.slice(0, 13)}…` : i.name}
                  </th>
                ))}
                {mc.insideAll.size > 0 && <th className="num">All</th>}
              </tr>
            </thead>
            <tbody>
              {[...mc.inside.entries()].map(([actor, perIssue]) => (
                <tr key={actor}>
                  <th scope="row">
                    <span className="swatch" style={{ background: colors.get(actor) }} aria-hidden="true" />
                    {actorName(c, actor)}
                  </th>
                  {c.issues.map((i) => {
                    const p = perIssue.get(i.id);
                    return (
                      <td
                        key={i.id}
                        className="num"
                        style={p === undefined ? undefined : { background: probColor(p) }}
                        title={`${actorName(c, actor)} · ${issueName(c, i.id)}`}
                      >
                        {p === undefined ? '—' : `${Math.round(p * 100)} %`}
                      </td>
                    );
                  })}
                  {mc.insideAll.size > 0 && (
                    <td className="num">{fmt((mc.insideAll.get(actor) ?? NaN) * 100, 0)} %</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Red (0) → white (0.5) → green (1). */
function probColor(p: number): string {
  const t = Math.max(0, Math.min(1, p));
  if (t < 0.5) return `rgba(209,73,91,${0.45 * (1 - t * 2)})`;
  return `rgba(42,157,143,${0.45 * (t - 0.5) * 2})`;
}
