/** The bar above every case view: title, analysis date, scenario, and the HTML briefing export. */
import { useState } from 'react';
import { useCase } from '../lib/case-context.js';

export function TopBar({ viewLabel, onToggleNav }: { viewLabel: string; onToggleNav: () => void }) {
  const { case: c, asOf, setAsOf, scenario, setScenario, doc } = useCase();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const version = doc.version;

  const exportBriefing = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { exportBriefing: run } = await import('../lib/briefing.js');
      await run(doc, { asOf, scenario });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <header className="topbar">
      <button
        type="button"
        className="btn btn-ghost nav-toggle"
        onClick={onToggleNav}
        aria-label="Show views"
      >
        ☰
      </button>
      <div className="topbar-title">
        <div className="crumb">{viewLabel}</div>
        <h1 data-testid="case-title">{c.title}</h1>
      </div>
      <div className="topbar-controls">
        <label className="field-inline">
          <span>As of</span>
          <input
            type="date"
            value={asOf ?? ''}
            onChange={(e) => setAsOf(e.target.value || undefined)}
            data-testid="as-of"
          />
        </label>
        {c.scenarios.length > 0 && (
          <label className="field-inline">
            <span>Scenario</span>
            <select
              value={scenario ?? ''}
              onChange={(e) => setScenario(e.target.value || undefined)}
              data-testid="scenario"
            >
              <option value="">Baseline</option>
              {c.scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {version !== undefined && (
          <span className="badge" data-testid="case-version" title="saved version">
            v{version}
          </span>
        )}
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void exportBriefing()}
          disabled={busy}
          data-testid="export-briefing"
        >
          {busy ? 'Exporting…' : 'Export briefing'}
        </button>
      </div>
      {error && (
        <p className="topbar-error" role="alert">
          {error}
        </p>
      )}
    </header>
  );
}
