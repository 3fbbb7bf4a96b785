/** Loading, empty and error states shared by every view. */
import { useState, type ReactNode } from 'react';
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
  if (error instanceof ApiError && (error.status === 401 || error.status === 403))
    return <TokenForm status={error.status} what={what} />;
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

/**
 * A server that listens beyond loopback wants an API token (viewer to read, editor to write). The token is
 * kept in this browser's localStorage and sent as a bearer token.
 */
function TokenForm({ status, what }: { status: number; what: string }) {
  const [token, setToken] = useState('');
  return (
    <form
      className="state state-error token-form"
      role="alert"
      onSubmit={(e) => {
        e.preventDefault();
        localStorage.setItem('redline.token', token.trim());
        window.location.reload();
      }}
    >
      <h3>
        {what} needs {status === 403 ? 'an editor token' : 'an API token'}
      </h3>
      <p>
        This server is reachable beyond this machine, so it asks for a token. Create one with{' '}
        <code>redline serve --create-token {status === 403 ? 'editor' : 'viewer'}</code> and paste it here.
      </p>
      <label className="field">
        <span>API token</span>
        <input
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
        />
      </label>
      <button type="submit" className="btn btn-primary">
        Use this token
      </button>
    </form>
  );
}
