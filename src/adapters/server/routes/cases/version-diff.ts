/**
 * Differences between two saved versions of a case: structural changes by path (list items with an `id`
 * are matched by id, so reordering is not a change) and a line diff of the YAML texts (longest common
 * subsequence after trimming the common head and tail).
 */

export interface Change {
  path: (string | number)[];
  op: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface Line {
  op: '=' | '+' | '-';
  text: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const keyed = (a: unknown[]) =>
  a.every((x) => isObject(x) && typeof x.id === 'string') &&
  new Set(a.map((x) => (x as { id: string }).id)).size === a.length;

export function structuralChanges(before: unknown, after: unknown, path: (string | number)[] = []): Change[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    if (keyed(before) && keyed(after)) {
      const a = new Map(before.map((x) => [(x as { id: string }).id, x]));
      const b = new Map(after.map((x) => [(x as { id: string }).id, x]));
      const out: Change[] = [];
      for (const [id, x] of a) if (!b.has(id)) out.push({ path: [...path, id], op: 'removed', before: x });
      for (const [id, y] of b)
        out.push(
          ...(a.has(id)
            ? structuralChanges(a.get(id), y, [...path, id])
            : [{ path: [...path, id], op: 'added' as const, after: y }]),
        );
      return out;
    }
    const out: Change[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= after.length) out.push({ path: [...path, i], op: 'removed', before: before[i] });
      else if (i >= before.length) out.push({ path: [...path, i], op: 'added', after: after[i] });
      else out.push(...structuralChanges(before[i], after[i], [...path, i]));
    }
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const out: Change[] = [];
    for (const k of Object.keys(before))
      if (!(k in after)) out.push({ path: [...path, k], op: 'removed', before: before[k] });
    for (const k of Object.keys(after)) {
      out.push(
        ...(k in before
          ? structuralChanges(before[k], after[k], [...path, k])
          : [{ path: [...path, k], op: 'added' as const, after: after[k] }]),
      );
    }
    return out;
  }
  return [{ path, op: 'changed', before, after }];
}

/** Above this many cells the middle is shown as removed-then-added instead of aligned. */
const MAX_CELLS = 4_000_000;

export function lineDiff(beforeText: string, afterText: string): Line[] {
  const a = beforeText.split('\n');
  const b = afterText.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const out: Line[] = a.slice(0, head).map((text) => ({ op: '=', text }));
  if (am.length * bm.length > MAX_CELLS) {
    out.push(
      ...am.map((text) => ({ op: '-' as const, text })),
      ...bm.map((text) => ({ op: '+' as const, text })),
    );
  } else {
    // lcs[i][j] = length of the LCS of am[i..] and bm[j..].
    const w = bm.length + 1;
    const lcs = new Uint32Array((am.length + 1) * w);
    for (let i = am.length - 1; i >= 0; i--)
      for (let j = bm.length - 1; j >= 0; j--)
        lcs[i * w + j] =
          am[i] === bm[j]
            ? lcs[(i + 1) * w + j + 1]! + 1
            : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < am.length || j < bm.length) {
      if (i < am.length && j < bm.length && am[i] === bm[j]) {
        out.push({ op: '=', text: am[i]! });
        i++;
        j++;
      } else if (i < am.length && (j === bm.length || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!))
        out.push({ op: '-', text: am[i++]! });
      else out.push({ op: '+', text: bm[j++]! });
    }
  }
  out.push(...a.slice(a.length - tail).map((text) => ({ op: '=' as const, text })));
  return out;
}
