/** Loading, empty and error states shared by every view. */
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" data-testid="empty-state">
      <h3>{title}</h3>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}

/** An error from the API; a missing endpoint (404/501) reads as "not available on this server yet". */
export function ErrorState({ error, what }: { error: Error; what: string }) {
  if (error instanceof ApiError && error.isMissing)
    return (
      <EmptyState title={`${what} is not available`}>
        This server does not offer it yet ({error.status}). {error.message}
      </EmptyState>
    );
  return (
    <div className="state state-error" role="alert">
      <h3>{what} failed</h3>
      <p>{error.message}</p>
    </div>
  );
}

export function Loaded<T>({
  state,
  what,
  children,
}: {
  state: { data: T | undefined; error: Error | undefined; loading: boolean };
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorState error={state.error} what={what} />;
  if (state.data === undefined) return <Loading label={`Loading ${what.toLowerCase()}…`} />;
  return <>{children(state.data)}</>;
}
