/** Case editor: quick forms for the common fields and the full YAML with schema errors shown in place. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseDocument } from 'yaml';
import { endpoints } from '../api/endpoints.js';
import type { ValidationIssue } from '../api/types.js';

type ShownIssue = Omit<ValidationIssue, 'code'> & { code?: ValidationIssue['code'] };
import { useCase } from '../lib/case-context.js';
import { goToLine, YamlEditor } from '../components/YamlEditor.js';
import { ErrorState } from '../components/States.js';
import { PALETTE } from '../lib/colors.js';
import { VersionHistory } from '../components/VersionHistory.js';

export default function EditorView() {
  const { doc, caseId, reload } = useCase();
  const original = doc.yaml ?? '';
  const [text, setText] = useState(original);
  // The server's issues, or one note of ours (no code) when validation cannot be reached.
  const [issues, setIssues] = useState<ShownIssue[]>([]);
  const [validating, setValidating] = useState(false);
  const [saveState, setSaveState] = useState<{ kind: 'ok' | 'error'; message: string; error?: Error }>();
  const [tab, setTab] = useState<'yaml' | 'form'>('yaml');
  const editor = useRef<HTMLTextAreaElement>(null);
  const dirty = text !== original;

  useEffect(() => setText(original), [original]);
  useEffect(() => {
    const ctl = new AbortController();
    setValidating(true);
    const t = setTimeout(() => {
      endpoints.validate(text, ctl.signal).then(
        (r) => {
          setIssues(r.issues);
          setValidating(false);
        },
        (err: unknown) => {
          if (ctl.signal.aborted) return;
          setIssues([
            {
              path: [],
              message: `validation unavailable: ${err instanceof Error ? err.message : String(err)}`,
              severity: 'warning',
            },
          ]);
          setValidating(false);
        },
      );
    }, 350);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [text]);

  const errors = issues.filter((i) => i.severity === 'error');
  const save = async () => {
    setSaveState(undefined);
    try {
      const r = await endpoints.saveCase(caseId, text);
      setSaveState({ kind: 'ok', message: `Saved as version ${r.version}.` });
      reload();
    } catch (err) {
      setSaveState({
        kind: 'error',
        message: 'Saving failed',
        error: err instanceof Error ? err : new Error(String(err)),
      });
    }
  };

  return (
    <div className="stack">
      <section className="card toolbar">
        <div className="tabs" role="tablist" aria-label="Editor mode">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'yaml'}
            className={`tab ${tab === 'yaml' ? 'active' : ''}`}
            onClick={() => setTab('yaml')}
          >
            YAML
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'form'}
            className={`tab ${tab === 'form' ? 'active' : ''}`}
            onClick={() => setTab('form')}
          >
            Forms
          </button>
        </div>
        <span className="grow" />
        <span
          className={`pill ${errors.length ? 'pill-bad' : 'pill-good'}`}
          data-testid="validation-status"
          aria-live="polite"
        >
          {validating
            ? 'checking…'
            : errors.length
              ? `${errors.length} error${errors.length > 1 ? 's' : ''}`
              : 'valid'}
        </span>
        <button type="button" className="btn" disabled={!dirty} onClick={() => setText(original)}>
          Revert
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!dirty || errors.length > 0}
          onClick={() => void save()}
          data-testid="save-case"
        >
          Save version
        </button>
      </section>
      {saveState?.kind === 'ok' && (
        <p className="banner banner-good card" role="status">
          {saveState.message}
        </p>
      )}
      {saveState?.error && <ErrorState error={saveState.error} what={saveState.message} />}
      {tab === 'form' ? (
        <CaseForm text={text} onChange={setText} />
      ) : (
        <div className="editor-grid">
          <YamlEditor value={text} onChange={setText} issues={issues} editorRef={editor} />
          <div className="stack">
            <aside className="card issues-panel" aria-label="Problems">
              <h4>Problems</h4>
              {issues.length === 0 ? (
                <p className="muted">{validating ? 'Checking…' : 'No problems found.'}</p>
              ) : (
                <ul className="issue-list" data-testid="issue-list">
                  {issues.map((i, k) => (
                    <li key={k} className={`issue issue-${i.severity ?? 'error'}`}>
                      <button
                        type="button"
                        onClick={() => i.line && editor.current && goToLine(editor.current, i.line, i.column)}
                        disabled={!i.line}
                      >
                        <span className="issue-loc">{i.line ? `${i.line}:${i.column ?? 1}` : '—'}</span>
                        <span className="issue-path">{(i.path ?? []).join('.')}</span>
                        <span className="issue-msg">{i.message}</span>
                        {i.hint && <span className="issue-hint">{i.hint}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </aside>
            <VersionHistory current={doc.version} />
          </div>
        </div>
      )}
    </div>
  );
}

/** Form fields edit the YAML document in place (comments and layout are kept by the yaml library). */
function CaseForm({ text, onChange }: { text: string; onChange: (t: string) => void }) {
  const parsed = useMemo(() => parseDocument(text), [text]);
  if (parsed.errors.length)
    return <p className="card banner banner-bad">Fix the YAML syntax errors first (YAML tab).</p>;
  const data = (parsed.toJS() ?? {}) as {
    title?: string;
    description?: string;
    asOf?: string;
    actors?: { id: string; name?: string; capability?: number; veto?: boolean; color?: string }[];
  };
  const set = (path: (string | number)[], value: unknown) => {
    const d = parseDocument(text);
    if (value === undefined || value === '') d.deleteIn(path);
    else d.setIn(path, value);
    onChange(String(d));
  };
  return (
    <div className="stack">
      <section className="card form">
        <label className="field">
          <span>Title</span>
          <input value={data.title ?? ''} onChange={(e) => set(['title'], e.target.value)} />
        </label>
        <label className="field">
          <span>Default analysis date</span>
          <input type="date" value={data.asOf ?? ''} onChange={(e) => set(['asOf'], e.target.value)} />
        </label>
        <label className="field">
          <span>Description</span>
          <textarea
            rows={4}
            value={data.description ?? ''}
            onChange={(e) => set(['description'], e.target.value)}
          />
        </label>
      </section>
      <section className="card">
        <header className="card-head">
          <h3>Actors</h3>
        </header>
        <table className="table form-table">
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Name</th>
              <th scope="col">Capability</th>
              <th scope="col">Veto</th>
              <th scope="col">Colour</th>
            </tr>
          </thead>
          <tbody>
            {(data.actors ?? []).map((a, k) => (
              <tr key={k}>
                <td>
                  <code>{a.id}</code>
                </td>
                <td>
                  <input
                    aria-label={`Name of ${a.id}`}
                    value={a.name ?? ''}
                    onChange={(e) => set(['actors', k, 'name'], e.target.value)}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Capability of ${a.id}`}
                    type="number"
                    min={0}
                    step="any"
                    value={a.capability ?? ''}
                    onChange={(e) =>
                      set(
                        ['actors', k, 'capability'],
                        e.target.value === '' ? undefined : Number(e.target.value),
                      )
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`Veto of ${a.id}`}
                    type="checkbox"
                    checked={!!a.veto}
                    onChange={(e) => set(['actors', k, 'veto'], e.target.checked)}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Colour of ${a.id}`}
                    type="color"
                    value={a.color ?? PALETTE[k % PALETTE.length]}
                    onChange={(e) => set(['actors', k, 'color'], e.target.value)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
