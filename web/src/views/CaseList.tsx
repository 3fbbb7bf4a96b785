/** The start page: every stored case, newest first. */
import { endpoints } from '../api/endpoints.js';
import { caseHref } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';
import { EmptyState, Loaded } from '../components/States.js';

export function CaseList() {
  const cases = useApi((s) => endpoints.listCases(s), []);
  return (
    <div className="landing">
      <header className="landing-head">
        <a className="brand" href="#/">
          <span className="brand-mark" aria-hidden="true" />
          <span>Redline</span>
        </a>
        <p className="muted">
          Negotiation workbench — positions, red lines, forecasts, stability and evidence.
        </p>
      </header>
      <main className="content">
        <h2>Cases</h2>
        <Loaded state={cases} what="Cases">
          {(list) =>
            list.length === 0 ? (
              <EmptyState title="No cases yet">
                Import one with <code>redline serve --data DIR</code> and a case file, or save one through the
                API.
              </EmptyState>
            ) : (
              <ul className="case-grid" data-testid="case-list">
                {list.map((c) => (
                  <li key={c.id}>
                    <a className="card case-card" href={caseHref(c.id)}>
                      <h3>{c.title}</h3>
                      <p className="muted small">
                        <code>{c.id}</code>
                        <> · version {c.version}</>
                        <> · saved {c.updatedAt.slice(0, 10)}</>
                      </p>
                    </a>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </main>
    </div>
  );
}
