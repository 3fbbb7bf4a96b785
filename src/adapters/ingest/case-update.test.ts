import { describe, expect, it } from 'vitest';
import { parseCase, type Source } from '../../index.js';
import { applyEvent, applyUpdate } from './case-update.js';

const CASE = `# A small case; this comment must survive.
format: 1
id: tiny
title: Tiny case
actors:
  - { id: a, name: Alpha, kind: state }   # inline comment
  - id: b
    name: Beta
    kind: state
issues:
  - id: x
    name: Issue X
    description: >-
      A folded description that the writer
      must not refold.
    scale: { kind: continuous, anchors: [] }
stances:
  - actor: a
    issue: x
    date: 2025-01-01
    position: 40
    salience: 60
    sources: [{ source: s0 }]
sources:
  - { id: s0, title: Old source, date: 2025-01-01 }
`;

const source: Source = {
  id: 'news-2025-08-16-abcd1234',
  title: 'Talks: a new round',
  date: '2025-08-16',
  kind: 'article',
};

/** Lines of `after` not in `before`, in order: with every original line kept, the edit only added text. */
function added(before: string, after: string): string[] {
  const b = before.split('\n');
  const out: string[] = [];
  let i = 0;
  for (const line of after.split('\n')) {
    if (i < b.length && line === b[i]) i++;
    else out.push(line);
  }
  expect(i).toBe(b.length);
  return out;
}

describe('applyUpdate', () => {
  it('adds a stance and a source without touching the rest of the file', () => {
    const r = applyUpdate(CASE, {
      kind: 'stance',
      source,
      summary: 's',
      stance: {
        actor: 'b',
        issue: 'x',
        date: '2025-08-16',
        position: 70,
        salience: 50,
        sources: [{ source: source.id, quote: 'Beta wants "70".', start: 3, end: 19 }],
      },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const lines = added(CASE, r.text);
    expect(lines[0]).toBe('  - actor: b');
    const parsed = parseCase(r.text);
    expect(parsed.ok && parsed.case.stances[1]).toMatchObject({
      actor: 'b',
      position: 70,
      sources: [{ quote: 'Beta wants "70".' }],
    });
    expect(parsed.ok && parsed.case.sources.map((s) => s.id)).toEqual(['s0', source.id]);
  });
  it('adds a quote as evidence to an existing stance’s flow list', () => {
    const r = applyUpdate(CASE, {
      kind: 'evidence',
      source,
      stanceIndex: 0,
      summary: 's',
      ref: { source: source.id, quote: 'Alpha holds.', start: 0, end: 12 },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const parsed = parseCase(r.text);
    expect(parsed.ok && parsed.case.stances[0]!.sources.map((s) => s.source)).toEqual(['s0', source.id]);
    expect(r.text).toContain('# A small case; this comment must survive.');
    expect(r.text).toContain('      A folded description that the writer\n      must not refold.');
  });
  it('refuses an edit that would make the case invalid, and writes nothing', () => {
    const r = applyUpdate(CASE, {
      kind: 'stance',
      source,
      summary: 's',
      stance: { actor: 'nobody', issue: 'x', date: '2025-08-16', position: 10, salience: 50, sources: [] },
    });
    expect(r.ok).toBe(false);
  });
  it('creates the events list when the case has none', () => {
    const r = applyEvent(
      CASE,
      {
        id: 'ev-1',
        date: '2025-08-16',
        type: 'meet',
        actors: ['a', 'b'],
        targets: [],
        summary: 'They met.',
        sources: [{ source: source.id }],
      },
      source,
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(added(CASE, r.text).join('\n')).toContain('events:\n  - id: ev-1');
  });
});
