/** A case's saved versions, newest first, with restore (which saves the old text as a new version). */
import { useState } from 'react';
import { endpoints } from '../api/endpoints.js';
import { useCase } from '../lib/case-context.js';
import { useApi } from '../lib/use-api.js';
import { ErrorState, Loaded } from './States.js';

export function VersionHistory({ current }: { current: number | undefined }) {
  const { caseId, reload } = useCase();
  const versions = useApi((s) => endpoints.versions(caseId, s), [caseId, current]);
  const [error, setError] = useState<Error>();
  const restore = async (v: number) => {
    setError(undefined);
    try {
      await endpoints.restoreVersion(caseId, v);
      reload();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  return (
    <section className="card versions" aria-label="Versions" data-testid="versions">
      <h4>Versions</h4>
      {error && <ErrorState error={error} what="Restoring the version" />}
      <Loaded state={versions} what="Versions">
        {(list) => (
          <ol className="version-list">
            {list.slice(0, 30).map((v) => (
              <li key={v.version} className={v.version === current ? 'current' : undefined}>
                <span className="version-n">v{v.version}</span>
                <span className="version-main">
                  <span className="small">{v.message || (v.version === 1 ? 'first saved' : 'saved')}</span>
                  <span className="muted small">
                    {v.createdAt?.replace('T', ' ').slice(0, 16)}
                    {v.author ? ` · ${v.author}` : ''}
                  </span>
                </span>
                {v.version === current ? (
                  <span className="pill pill-neutral">current</span>
                ) : (
                  <button
                    type="button"
                    className="btn btn-ghost btn-xs"
                    onClick={() => void restore(v.version)}
                  >
                    Restore
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
      </Loaded>
    </section>
  );
}
