/** The application shell: case list or an open case with its sidebar of views. */
import { Suspense, lazy, useEffect, useMemo, useState, type ComponentType } from 'react';
import { endpoints } from './api/endpoints.js';
import { takeEarlyCase } from './lib/prefetch.js';
import { CaseContext, type CaseContextValue } from './lib/case-context.js';
import { actorColors } from './lib/colors.js';
import { defaultAsOf } from '../../src/case/resolve.js';
import { caseHref, useRoute } from './lib/router.js';
import { useApi } from './lib/use-api.js';
import { ErrorState, Loading } from './components/States.js';
import { CaseList } from './views/CaseList.js';
import { TopBar } from './components/TopBar.js';

// Each view is its own chunk; `load` is kept so a route can fetch its chunk while the case is still loading.
function defineView<T>(label: string, load: () => Promise<{ default: ComponentType<T> }>) {
  return { label, load, component: lazy(load) };
}

const VIEWS = {
  overview: defineView('Overview', () => import('./views/OverviewView.js')),
  positions: defineView('Position map', () => import('./views/PositionMapView.js')),
  proposal: defineView('Proposals', () => import('./views/ProposalView.js')),
  diff: defineView('Diff', () => import('./views/DiffView.js')),
  zone: defineView('Zone of agreement', () => import('./views/ZoneView.js')),
  forecast: defineView('Forecast', () => import('./views/ForecastView.js')),
  stability: defineView('Stability', () => import('./views/StabilityView.js')),
  evidence: defineView('Evidence', () => import('./views/EvidenceView.js')),
  monitoring: defineView('Monitoring', () => import('./views/MonitoringView.js')),
  editor: defineView('Case editor', () => import('./views/EditorView.js')),
} as const;

type ViewKey = keyof typeof VIEWS;

const ICONS: Record<ViewKey, string> = {
  overview: 'M3 3h7v7H3zM14 3h7v4h-7zM14 10h7v11h-7zM3 13h7v8H3z',
  positions: 'M4 6h16M4 12h16M4 18h16M8 4v4M15 10v4M11 16v4',
  proposal: 'M4 4h16v16H4zM4 10h16M10 4v16',
  diff: 'M7 4v16M17 4v16M3 8l4-4 4 4M13 16l4 4 4-4',
  zone: 'M3 12h18M8 7v10M16 7v10',
  forecast: 'M3 20l6-8 4 4 8-10',
  stability: 'M4 4h16v16H4zM4 9h16M4 14h16M9 4v16',
  evidence: 'M6 3h9l4 4v14H6zM9 12h7M9 16h7M9 8h3',
  monitoring: 'M3 12h4l3-8 4 16 3-8h4',
  editor: 'M4 20h4L20 8l-4-4L4 16zM14 6l4 4',
};

export function App() {
  const route = useRoute();
  if (!route.caseId) return <CaseList />;
  // Keyed by case: switching cases starts from a clean state (no stale case under the new id).
  return <CaseShell key={route.caseId} caseId={route.caseId} view={route.view} arg={route.arg} />;
}

function CaseShell({ caseId, view, arg }: { caseId: string; view: string; arg?: string }) {
  const loaded = useApi((s) => takeEarlyCase(caseId) ?? endpoints.getCase(caseId, s), [caseId]);
  const [asOf, setAsOf] = useState<string | undefined>();
  const [scenario, setScenario] = useState<string | undefined>();
  const [navOpen, setNavOpen] = useState(false);
  const doc = loaded.data;

  useEffect(() => {
    if (doc?.case) setAsOf((a) => a ?? defaultAsOf(doc.case));
  }, [doc]);
  useEffect(() => setNavOpen(false), [view]);

  const ctx = useMemo<CaseContextValue | null>(
    () =>
      doc?.case
        ? {
            caseId,
            doc,
            case: doc.case,
            colors: actorColors(doc.case),
            asOf,
            setAsOf,
            scenario,
            setScenario,
            reload: loaded.reload,
          }
        : null,
    [caseId, doc, asOf, scenario, loaded.reload],
  );

  const key: ViewKey = view in VIEWS ? (view as ViewKey) : 'overview';
  const View = VIEWS[key].component as ComponentType<{ arg?: string }>;
  // Start downloading the view's code now rather than after the case has arrived.
  useEffect(() => void VIEWS[key].load().catch(() => undefined), [key]);

  return (
    <div className={`shell ${navOpen ? 'nav-open' : ''}`}>
      <aside className="sidebar" aria-label="Views">
        <a className="brand" href="#/">
          <span className="brand-mark" aria-hidden="true" />
          <span>Redline</span>
        </a>
        <nav>
          <ul>
            {(Object.keys(VIEWS) as ViewKey[]).map((k) => (
              <li key={k}>
                <a
                  href={caseHref(caseId, k)}
                  className={k === key ? 'active' : undefined}
                  aria-current={k === key ? 'page' : undefined}
                  data-testid={`nav-${k}`}
                >
                  <svg viewBox="0 0 24 24" aria-hidden="true">
                    <path d={ICONS[k]} />
                  </svg>
                  {VIEWS[k].label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <a className="sidebar-foot" href="#/">
          All cases
        </a>
      </aside>
      <div className="main">
        {loaded.error ? (
          <div className="content">
            <ErrorState error={loaded.error} what="Opening the case" />
          </div>
        ) : !ctx ? (
          <Loading label="Opening the case…" />
        ) : (
          <CaseContext.Provider value={ctx}>
            <TopBar viewLabel={VIEWS[key].label} onToggleNav={() => setNavOpen((o) => !o)} />
            <main className="content" id="content">
              <Suspense fallback={<Loading />}>
                <View arg={arg} />
              </Suspense>
            </main>
          </CaseContext.Provider>
        )}
      </div>
    </div>
  );
}
