/** API tests of the case routes: CRUD, validation with located issues, versions, diff, restore, pagination. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, SMALL_CASE_YAML, type Harness } from './helpers.js';
import { DASHBOARD } from './helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await harness({ seed: false });
});
afterAll(async () => h?.close());

const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

describe('case routes', () => {
  it('creates a case from YAML and reads back the same text and parsed case', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      ...json({ yaml: SMALL_CASE_YAML, message: 'first' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/cases/small');
    const got = (await h.app.inject({ url: '/api/cases/small' })).json();
    expect(got.version).toBe(1);
    expect(got.yaml).toBe(SMALL_CASE_YAML);
    expect(got.case.actors.map((a: { id: string }) => a.id)).toEqual(['a', 'b']);
    // Defaults come from the schema: capability 1 when not written.
    expect(got.case.actors[0].capability).toBe(1);
    expect(got.message).toBe('first');
  });

  it('answers 409 for a second case with the same id', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/cases', ...json({ yaml: SMALL_CASE_YAML }) });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 409, code: 'conflict', type: '/api/problems/conflict' });
  });

  it('creates a case sent as a JSON object and stores it as YAML', async () => {
    const obj = {
      format: 1,
      id: 'tiny',
      title: 'Tiny',
      actors: [{ id: 'x', name: 'X', kind: 'group' }],
      issues: [{ id: 'i', name: 'I', scale: { kind: 'continuous' } }],
    };
    const res = await h.app.inject({ method: 'POST', url: '/api/cases', ...json(obj) });
    expect(res.statusCode).toBe(201);
    expect(res.json().yaml).toContain('id: tiny');
    expect(res.json().case.title).toBe('Tiny');
  });

  it('rejects an invalid case with 422 and issues located by path, line and column', async () => {
    // Line 9 holds the salience that is out of range.
    const bad = SMALL_CASE_YAML.replace('position: 20, salience: 80', 'position: 20, salience: 180');
    const line = bad.split('\n').findIndex((l) => l.includes('salience: 180')) + 1;
    const res = await h.app.inject({ method: 'PUT', url: '/api/cases/small', ...json({ yaml: bad }) });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('invalid_case');
    const issue = body.issues.find((i: { path: unknown[] }) => i.path.join('.') === 'stances.0.salience');
    expect(issue).toBeDefined();
    expect(issue.line).toBe(line);
    expect(issue.severity).toBe('error');
    // Nothing was saved.
    expect((await h.app.inject({ url: '/api/cases/small' })).json().version).toBe(1);
  });

  it('refuses a save whose id differs from the address', async () => {
    const res = await h.app.inject({
      method: 'PUT',
      url: '/api/cases/small',
      ...json({ yaml: SMALL_CASE_YAML.replace('id: small', 'id: other') }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().issues[0].path).toEqual(['id']);
  });

  it('saves new versions, diffs two of them and restores an old one', async () => {
    const v2 = SMALL_CASE_YAML.replace('title: Small test case', 'title: Small case, renamed');
    expect(
      (
        await h.app.inject({
          method: 'PUT',
          url: '/api/cases/small',
          ...json({ yaml: v2, message: 'rename' }),
        })
      ).json().version,
    ).toBe(2);
    const v3 = v2.replace('position: 20, salience: 80', 'position: 30, salience: 80');
    expect(
      (
        await h.app.inject({ method: 'PUT', url: '/api/cases/small', ...json({ yaml: v3, baseVersion: 2 }) })
      ).json().version,
    ).toBe(3);
    // A save based on version 2 is now stale.
    expect(
      (await h.app.inject({ method: 'PUT', url: '/api/cases/small', ...json({ yaml: v3, baseVersion: 2 }) }))
        .statusCode,
    ).toBe(409);

    const diff = (await h.app.inject({ url: '/api/cases/small/versions/diff?from=1&to=3' })).json();
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        { path: ['title'], op: 'changed', before: 'Small test case', after: 'Small case, renamed' },
        { path: ['stances', 0, 'position'], op: 'changed', before: 20, after: 30 },
      ]),
    );
    expect(diff.changes).toHaveLength(2);
    expect(
      diff.lines.filter((l: { op: string }) => l.op === '-').map((l: { text: string }) => l.text),
    ).toEqual([
      'title: Small test case',
      '  - { actor: a, issue: border, date: 2025-01-01, position: 20, salience: 80, redLine: { max: 60 } }',
    ]);
    expect(diff.lines.filter((l: { op: string }) => l.op === '+')).toHaveLength(2);

    const restored = await h.app.inject({
      method: 'POST',
      url: '/api/cases/small/versions/1/restore',
      headers: DASHBOARD,
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().version).toBe(4);
    expect(restored.json().yaml).toBe(SMALL_CASE_YAML);
    expect((await h.app.inject({ url: '/api/cases/small/versions/2' })).json().title).toBe(
      'Small case, renamed',
    );
    expect((await h.app.inject({ url: '/api/cases/small/versions/99' })).statusCode).toBe(404);
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/cases/small/versions/99/restore',
          headers: DASHBOARD,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await h.app.inject({ method: 'POST', url: '/api/cases/nope/versions/1/restore', headers: DASHBOARD }))
        .statusCode,
    ).toBe(404);
    expect((await h.app.inject({ url: '/api/cases/small/versions/diff?from=1&to=99' })).statusCode).toBe(404);
    expect((await h.app.inject({ url: '/api/cases/small/versions/diff?from=x&to=1' })).statusCode).toBe(400);
  });

  it('pages through versions with a next link', async () => {
    const p1 = await h.app.inject({ url: '/api/cases/small/versions?limit=3' });
    const b1 = p1.json();
    expect(b1.items.map((v: { version: number }) => v.version)).toEqual([4, 3, 2]);
    expect(b1.next).toMatch(/^\/api\/cases\/small\/versions\?limit=3&cursor=/);
    expect(p1.headers.link).toBe(`<${b1.next}>; rel="next"`);
    const b2 = (await h.app.inject({ url: b1.next })).json();
    expect(b2.items.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(b2.next).toBeNull();
    expect((await h.app.inject({ url: '/api/cases/small/versions?cursor=bogus' })).statusCode).toBe(400);
    expect((await h.app.inject({ url: '/api/cases/small/versions?limit=0' })).statusCode).toBe(400);
  });

  it('lists and filters cases', async () => {
    const all = (await h.app.inject({ url: '/api/cases' })).json();
    expect(all.items.map((c: { id: string }) => c.id)).toEqual(['small', 'tiny']);
    expect(
      (await h.app.inject({ url: '/api/cases?q=tiny' })).json().items.map((c: { id: string }) => c.id),
    ).toEqual(['tiny']);
  });

  it('validates without saving', async () => {
    const ok = (
      await h.app.inject({ method: 'POST', url: '/api/validate', ...json({ yaml: SMALL_CASE_YAML }) })
    ).json();
    expect(ok.ok).toBe(true);
    const bad = (
      await h.app.inject({
        method: 'POST',
        url: '/api/validate',
        ...json({ yaml: 'format: 1\nid: Bad Id\n' }),
      })
    ).json();
    expect(bad.ok).toBe(false);
    expect(bad.issues.some((i: { path: unknown[] }) => i.path[0] === 'id')).toBe(true);
    expect(
      (await h.app.inject({ method: 'POST', url: '/api/validate', ...json({ text: 'x' }) })).statusCode,
    ).toBe(400);
  });

  it('answers malformed bodies with problem details, not crashes', async () => {
    const notJson = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: '{"yaml": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().type).toMatch(/^\/api\/problems\//);
    const arr = await h.app.inject({ method: 'POST', url: '/api/cases', ...json([1, 2]) });
    expect(arr.statusCode).toBe(400);
    const text = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: 'hello',
      headers: { 'content-type': 'text/plain', ...DASHBOARD },
    });
    expect(text.statusCode).toBe(415);
    const huge = await h.app.inject({
      method: 'POST',
      url: '/api/validate',
      ...json({ yaml: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
  });

  it('deletes a case and its history', async () => {
    expect(
      (await h.app.inject({ method: 'DELETE', url: '/api/cases/tiny', headers: DASHBOARD })).statusCode,
    ).toBe(204);
    expect((await h.app.inject({ url: '/api/cases/tiny' })).statusCode).toBe(404);
    expect((await h.app.inject({ url: '/api/cases/tiny/versions' })).statusCode).toBe(404);
    expect(
      (await h.app.inject({ method: 'DELETE', url: '/api/cases/tiny', headers: DASHBOARD })).statusCode,
    ).toBe(404);
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await h.app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});
