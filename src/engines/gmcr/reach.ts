/**
 * Minima over reachable sets, for all states at once. GMR, SMR and SEQ ask, for a focal player's
 * improvement s1, whether the opponents can reach a sanctioning state from s1 (docs/models/GMCR.md §2.1–2.2). Each test
 * reduces to "the least value of some per-state quantity over R_H(s1)", so one pass computes it for every s1.
 *
 * Why a closure is enough: in R_H(s1) no player moves twice in a row, but two consecutive moves of one player
 * merge into a single legal move of that player (feasible endpoints, each option still changed in a permitted
 * direction, both ends perceived; for improvement moves the payoffs keep rising), or cancel out. So R_H(s1)
 * and the plain transitive closure of the H-moves from s1 differ at most in s1 itself — and s1, being an
 * improvement for the focal player, is never a sanction. The closure is computed with Tarjan's strongly
 * connected components (R. E. Tarjan, SIAM J. Comput. 1(2), 1972) over the movers' adjacency lists, taking
 * minima over the condensation in the order the components complete; when every move is reversible a
 * union–find over the move groups does the same in near-linear time without listing moves.
 */
import type { GmcrModel } from './model.js';
import type { Adjacency, Player } from './moves.js';

const NONE = 0x7fffffff;

/**
 * When all the movers' moves are reversible, reachability is connectivity: label every state with the root
 * of its connected component (union–find over the move groups, no move listed).
 */
export function componentLabels(model: GmcrModel, movers: Player[]): Int32Array {
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
  for (let s = 0; s < n; s++) parent[s] = find(s);
  return parent;
}

/** Min of each value over each state's component (labels from `componentLabels`). */
export function componentMinima(labels: Int32Array, values: Int32Array[]): Int32Array[] {
  const n = labels.length;
  return values.map((v) => {
    const best = new Int32Array(n).fill(NONE);
    for (let s = 0; s < n; s++) if (v[s]! < best[labels[s]!]!) best[labels[s]!] = v[s]!;
    const out = new Int32Array(n);
    for (let s = 0; s < n; s++) out[s] = best[labels[s]!]!;
    return out;
  });
}

/**
 * For every state x and every value array v: min of v over x and the states reachable from x along the
 * union of the adjacency lists (iterative Tarjan; minima assigned as each component completes).
 */
export function closureMinima(n: number, lists: Adjacency[], values: Int32Array[]): Int32Array[] {
  const L = lists.length;
  const K = values.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const sccStack = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const fNode = new Int32Array(n);
  const fList = new Int32Array(n);
  const fPos = new Int32Array(n);
  const out = values.map(() => new Int32Array(n));
  const acc = new Int32Array(K);
  let sp = 0;
  let fp = 0;
  let counter = 0;
  let comps = 0;
  const push = (v: number) => {
    order[v] = low[v] = counter++;
    sccStack[sp++] = v;
    onStack[v] = 1;
    fNode[fp] = v;
    fList[fp] = 0;
    fPos[fp] = lists[0]!.start[v]!;
    fp++;
  };
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    push(root);
    while (fp > 0) {
      const f = fp - 1;
      const v = fNode[f]!;
      let l = fList[f]!;
      let pos = fPos[f]!;
      let next = -1;
      while (l < L) {
        const adj = lists[l]!;
        const end = adj.start[v + 1]!;
        if (pos < end) {
          next = adj.list[pos++]!;
          break;
        }
        l++;
        if (l < L) pos = lists[l]!.start[v]!;
      }
      fList[f] = l;
      fPos[f] = pos;
      if (next >= 0) {
        if (order[next] === -1) push(next);
        else if (onStack[next] === 1 && order[next]! < low[v]!) low[v] = order[next]!;
        continue;
      }
      fp--;
      if (fp > 0) {
        const parent = fNode[fp - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] !== order[v]) continue;
      // v roots a component: its members sit on the stack from v up.
      let bottom = sp - 1;
      while (sccStack[bottom] !== v) bottom--;
      const c = comps++;
      for (let j = bottom; j < sp; j++) {
        comp[sccStack[j]!] = c;
        onStack[sccStack[j]!] = 0;
      }
      acc.fill(NONE);
      for (let j = bottom; j < sp; j++) {
        const u = sccStack[j]!;
        for (let x = 0; x < K; x++) if (values[x]![u]! < acc[x]!) acc[x] = values[x]![u]!;
        // Successors in other components completed earlier, so their minima are final.
        for (let li = 0; li < L; li++) {
          const adj = lists[li]!;
          for (let k = adj.start[u]!; k < adj.start[u + 1]!; k++) {
            const t = adj.list[k]!;
            if (comp[t] === c) continue;
            for (let x = 0; x < K; x++) if (out[x]![t]! < acc[x]!) acc[x] = out[x]![t]!;
          }
        }
      }
      for (let j = bottom; j < sp; j++) for (let x = 0; x < K; x++) out[x]![sccStack[j]!] = acc[x]!;
      sp = bottom;
    }
  }
  return out;
}

/**
 * gmcr-py's narrower sanction search (docs/models/GMCR.md §6 item 1): sequences in which each opponent moves at most
 * once, in any order. best[used][x] = min of v over x and the states reachable from x by opponents not yet
 * in `used`; computed from the full set of used opponents down to the empty set.
 */
export function eachOnceMinima(n: number, lists: Adjacency[], values: Int32Array[]): Int32Array[] {
  const r = lists.length;
  const full = (1 << r) - 1;
  return values.map((v) => {
    const best: Int32Array[] = new Array(full + 1);
    for (let used = full; used >= 0; used--) {
      const cur = Int32Array.from(v);
      for (let q = 0; q < r; q++) {
        if (used & (1 << q)) continue;
        const nextTable = best[used | (1 << q)]!;
        const { start, list } = lists[q]!;
        for (let s = 0; s < n; s++) {
          let m = cur[s]!;
          for (let k = start[s]!; k < start[s + 1]!; k++)
            if (nextTable[list[k]!]! < m) m = nextTable[list[k]!]!;
          cur[s] = m;
        }
      }
      best[used] = cur;
    }
    return best[0]!;
  });
}
