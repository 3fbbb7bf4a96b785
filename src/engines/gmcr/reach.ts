/**
 * Minima over reachable sets, for all states at once. GMR, SMR and SEQ ask, for a focal player's
 * improvement s1, whether the opponents can reach a sanctioning state from s1 (GMCR.md §2.1–2.2). Each test
 * reduces to "the least value of some per-state quantity over R_H(s1)", so one pass computes it for every s1.
 *
 * Why a closure is enough: in R_H(s1) no player moves twice in a row, but two consecutive moves of one player
 * merge into a single legal move of that player (feasible endpoints, each option still changed in a permitted
 * direction, both ends perceived; for improvement moves the payoffs keep rising), or cancel out. So R_H(s1)
 * and the plain transitive closure of the H-moves from s1 differ at most in s1 itself — and s1, being an
 * improvement for the focal player, is never a sanction. The closure is computed with Tarjan's strongly
 * connected components (R. E. Tarjan, SIAM J. Comput. 1(2), 1972) over the implicit move graph, taking
 * minima over the condensation in the order the components complete; when every move is reversible a
 * union–find over the move groups does the same in near-linear time.
 */
import type { GmcrModel } from './model.js';
import { canMove, improves, type Player } from './moves.js';

/**
 * For every state x and every value array v: min of v over x and the states reachable from x by moves of
 * `movers` (only improvement moves when `uiOnly`).
 */
export function closureMinima(
  model: GmcrModel,
  movers: Player[],
  uiOnly: boolean,
  values: Int32Array[],
): Int32Array[] {
  if (!uiOnly && movers.every((p) => p.reversible)) return componentMinima(model, movers, values);
  return tarjanMinima(model, movers, uiOnly, values);
}

function componentMinima(model: GmcrModel, movers: Player[], values: Int32Array[]): Int32Array[] {
  const n = model.n;
  const parent = new Int32Array(n);
  for (let s = 0; s < n; s++) parent[s] = s;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const p of movers) {
    const groups = p.groupStart.length - 1;
    for (let g = 0; g < groups; g++) {
      let first = -1;
      for (let k = p.groupStart[g]!; k < p.groupStart[g + 1]!; k++) {
        const s = p.groupMembers[k]!;
        if (p.perceived !== null && p.perceived[s] === 0) continue;
        if (first < 0) first = find(s);
        else {
          const r = find(s);
          if (r !== first) parent[r] = first;
        }
      }
    }
  }
  return values.map((v) => {
    const best = new Int32Array(n).fill(0x7fffffff);
    for (let s = 0; s < n; s++) {
      const r = find(s);
      if (v[s]! < best[r]!) best[r] = v[s]!;
    }
    const out = new Int32Array(n);
    for (let s = 0; s < n; s++) out[s] = best[find(s)]!;
    return out;
  });
}

function tarjanMinima(
  model: GmcrModel,
  movers: Player[],
  uiOnly: boolean,
  values: Int32Array[],
): Int32Array[] {
  const n = model.n;
  const Q = movers.length;
  const K = values.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const sccStack = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const fNode = new Int32Array(n);
  const fQ = new Int32Array(n);
  const fK = new Int32Array(n);
  const out = values.map(() => new Int32Array(n));
  const acc = new Int32Array(K);
  let sp = 0;
  let fp = 0;
  let counter = 0;
  let comps = 0;

  const isEdge = (p: Player, v: number, t: number) =>
    t !== v && canMove(model, p, v, t) && (!uiOnly || improves(model, p, v, t));

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    order[root] = low[root] = counter++;
    sccStack[sp++] = root;
    onStack[root] = 1;
    fNode[fp] = root;
    fQ[fp] = 0;
    fK[fp] = -1;
    fp++;
    while (fp > 0) {
      const f = fp - 1;
      const v = fNode[f]!;
      let q = fQ[f]!;
      let k = fK[f]!;
      let next = -1;
      while (q < Q && next < 0) {
        const p = movers[q]!;
        const g = p.groupOf[v]!;
        if (k < 0) k = p.groupStart[g]!;
        const end = p.groupStart[g + 1]!;
        while (k < end) {
          const t = p.groupMembers[k++]!;
          if (isEdge(p, v, t)) {
            next = t;
            break;
          }
        }
        if (next < 0) {
          q++;
          k = -1;
        }
      }
      fQ[f] = q;
      fK[f] = k;
      if (next >= 0) {
        if (order[next] === -1) {
          order[next] = low[next] = counter++;
          sccStack[sp++] = next;
          onStack[next] = 1;
          fNode[fp] = next;
          fQ[fp] = 0;
          fK[fp] = -1;
          fp++;
        } else if (onStack[next] && order[next]! < low[v]!) low[v] = order[next]!;
        continue;
      }
      // v is finished.
      fp--;
      if (fp > 0) {
        const parent = fNode[fp - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] !== order[v]) continue;
      // v roots a component: its members sit on top of the stack down to v.
      let bottom = sp - 1;
      while (sccStack[bottom] !== v) bottom--;
      const c = comps++;
      for (let j = bottom; j < sp; j++) {
        const u = sccStack[j]!;
        comp[u] = c;
        onStack[u] = 0;
      }
      acc.fill(0x7fffffff);
      for (let j = bottom; j < sp; j++) {
        const u = sccStack[j]!;
        for (let x = 0; x < K; x++) if (values[x]![u]! < acc[x]!) acc[x] = values[x]![u]!;
        // Successors outside the component finished earlier, so their minima are final.
        for (let qq = 0; qq < Q; qq++) {
          const p = movers[qq]!;
          const g = p.groupOf[u]!;
          for (let kk = p.groupStart[g]!; kk < p.groupStart[g + 1]!; kk++) {
            const t = p.groupMembers[kk]!;
            if (comp[t] === c || comp[t] === -1 || !isEdge(p, u, t)) continue;
            for (let x = 0; x < K; x++) if (out[x]![t]! < acc[x]!) acc[x] = out[x]![t]!;
          }
        }
      }
      for (let j = bottom; j < sp; j++) {
        const u = sccStack[j]!;
        for (let x = 0; x < K; x++) out[x]![u] = acc[x]!;
      }
      sp = bottom;
    }
  }
  return out;
}

/**
 * gmcr-py's narrower sanction search (GMCR.md §6 item 1): sequences in which each opponent moves at most
 * once, in any order. best[used][x] = min of v over x and the states reachable from x by opponents not yet
 * in `used`; computed from the full set of used opponents down to the empty set.
 */
export function eachOnceMinima(
  model: GmcrModel,
  movers: Player[],
  uiOnly: boolean,
  values: Int32Array[],
): Int32Array[] {
  const n = model.n;
  const r = movers.length;
  const full = (1 << r) - 1;
  return values.map((v) => {
    const best: Int32Array[] = new Array(full + 1);
    for (let used = full; used >= 0; used--) {
      const cur = Int32Array.from(v);
      for (let q = 0; q < r; q++) {
        if (used & (1 << q)) continue;
        const nextTable = best[used | (1 << q)]!;
        const p = movers[q]!;
        for (let s = 0; s < n; s++) {
          const g = p.groupOf[s]!;
          let m = cur[s]!;
          for (let k = p.groupStart[g]!; k < p.groupStart[g + 1]!; k++) {
            const t = p.groupMembers[k]!;
            if (t === s || nextTable[t]! >= m || !canMove(model, p, s, t)) continue;
            if (uiOnly && !improves(model, p, s, t)) continue;
            m = nextTable[t]!;
          }
          cur[s] = m;
        }
      }
      best[used] = cur;
    }
    return best[0]!;
  });
}
