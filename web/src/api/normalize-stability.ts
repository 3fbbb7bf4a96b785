/** Tolerant reader for GMCR stability results (src/engines/gmcr): states, options, marks per DM and concept. */
import { arr, isObj, num, pick, ref, str, strings, unwrap } from './normalize.js';

export interface StabilityState {
  id: string;
  /** 'Y' | 'N' | '-' per option column. */
  bits: string[];
  /** concept → dm → stable? */
  marks: Map<string, Map<string, boolean>>;
  /** concepts under which the state is an equilibrium. */
  equilibria: string[];
  rank?: Map<string, number>;
}

export interface StabilityView {
  options: { id: string; dm?: string; label: string }[];
  dms: { id: string; name: string }[];
  concepts: string[];
  states: StabilityState[];
  statusQuo?: string;
  paths: { to: string; steps: string[]; concept?: string }[];
  warnings: string[];
}

function bitsOf(v: unknown): string[] {
  if (typeof v === 'string')
    return v.split('').map((ch) => (ch === '1' ? 'Y' : ch === '0' ? 'N' : ch.toUpperCase()));
  return arr(v).map((b) =>
    b === true || b === 1 || b === 'Y' ? 'Y' : b === false || b === 0 || b === 'N' ? 'N' : '-',
  );
}

export function readStability(body: unknown): StabilityView {
  const r = unwrap(body);
  const dms = arr(pick(r, 'dms', 'decisionMakers')).map((d) =>
    isObj(d)
      ? { id: ref(d) ?? str(d.name) ?? '?', name: str(pick(d, 'name', 'label')) ?? ref(d) ?? '?' }
      : { id: String(d), name: String(d) },
  );
  const options = arr(r.options).map((o) =>
    isObj(o)
      ? {
          id: ref(o) ?? '?',
          dm: ref(pick(o, 'dm', 'owner')),
          label: str(pick(o, 'label', 'name', 'id')) ?? '?',
        }
      : { id: String(o), label: String(o) },
  );
  const conceptSet = new Set<string>(arr(r.concepts).map(String));
  const states: StabilityState[] = [];
  arr(pick(r, 'states', 'rows', 'table')).forEach((s, k) => {
    if (!isObj(s)) return;
    const marks = new Map<string, Map<string, boolean>>();
    const src = pick(s, 'stability', 'marks', 'stable');
    if (isObj(src))
      for (const [concept, v] of Object.entries(src)) {
        conceptSet.add(concept);
        const m = new Map<string, boolean>();
        if (isObj(v)) for (const [dm, b] of Object.entries(v)) m.set(dm, Boolean(b));
        else if (Array.isArray(v)) v.forEach((b, i) => dms[i] && m.set(dms[i]!.id, Boolean(b)));
        marks.set(concept, m);
      }
    const eqSrc = pick(s, 'equilibria', 'equilibrium', 'eq');
    const equilibria = Array.isArray(eqSrc)
      ? eqSrc.map(String)
      : isObj(eqSrc)
        ? Object.entries(eqSrc)
            .filter(([, b]) => b)
            .map(([c]) => c)
        : [...marks.entries()]
            .filter(([, m]) => m.size > 0 && [...m.values()].every(Boolean))
            .map(([c]) => c);
    const rankSrc = pick(s, 'ranks', 'rank', 'payoffs');
    states.push({
      id: str(pick(s, 'id', 'state', 'number', 'decimal')) ?? String(k + 1),
      bits: bitsOf(pick(s, 'bits', 'options', 'pattern', 'yn')),
      marks,
      equilibria,
      rank: isObj(rankSrc)
        ? new Map(Object.entries(rankSrc).filter(([, v]) => num(v) !== undefined) as [string, number][])
        : undefined,
    });
  });
  const sq = pick(r, 'statusQuo', 'statusQuoAnalysis');
  const paths = arr(isObj(sq) ? pick(sq, 'paths', 'reachable') : undefined)
    .filter(isObj)
    .map((p) => ({
      to: str(pick(p, 'to', 'state', 'target')) ?? '?',
      steps: arr(pick(p, 'path', 'steps', 'moves')).map((x) =>
        isObj(x) ? (str(pick(x, 'to', 'state')) ?? JSON.stringify(x)) : String(x),
      ),
      concept: str(p.concept),
    }));
  return {
    options,
    dms,
    concepts: [...conceptSet],
    states,
    statusQuo: isObj(sq) ? str(pick(sq, 'state', 'from', 'id')) : str(sq),
    paths,
    warnings: strings(r.warnings),
  };
}
