/**
 * Reader for GMCR stability results (src/engines/gmcr). Two presentations are read: the one
 * `redline stability --json` prints (per concept and player a boolean per state, equilibria per concept as
 * state numbers, the engine's status-quo analysis) and the per-state one of docs/api.md (each state carrying
 * `stability: {concept: {dm: boolean}}`, `equilibria: [concept]` and `statusQuo: {state, paths}`).
 */
import { arr, isObj, num, pick, ref, str, strings, unwrap } from './normalize.js';

export interface StabilityState {
  id: string;
  /** 'Y' | 'N' | '-' per option column. */
  bits: string[];
  /** concept → player → stable? */
  marks: Map<string, Map<string, boolean>>;
  /** concepts under which the state is an equilibrium. */
  equilibria: string[];
}

export interface StabilityView {
  options: { id: string; dm?: string; label: string }[];
  /** Players (decision makers, or coalitions when a partition was analysed); `short` heads narrow columns. */
  dms: { id: string; name: string; short: string }[];
  concepts: string[];
  states: StabilityState[];
  statusQuo?: string;
  paths: { to: string; steps: string[]; improvement: boolean }[];
  warnings: string[];
}

export function readStability(body: unknown): StabilityView {
  const r = unwrap(body);
  const decisionMakers = arr(pick(r, 'decisionMakers', 'dms')).filter(isObj);
  const dmName = new Map(decisionMakers.map((d) => [str(d.id) ?? '', str(d.name) ?? str(d.id) ?? '']));
  const options = arr(r.options)
    .filter(isObj)
    .map((o) => ({
      id: str(o.id) ?? '?',
      dm: ref(pick(o, 'owner', 'dm')),
      label: str(pick(o, 'name', 'label', 'id')) ?? '?',
    }));
  // Per-state marks are keyed by decision-maker id (docs/api.md); the CLI's top-level marks by player name.
  const perState = arr(r.states).some((x) => isObj(x) && isObj(x.stability));
  const players = perState ? [] : arr(r.players).filter(isObj);
  const short = (name: string, members: string[]) =>
    members.length === 1
      ? members[0]!
      : members.length > 1
        ? members.join('+')
        : name
            .split(/\s+/)
            .map((w) => w[0])
            .join('');
  // With per-state marks, the players are the keys the marks use (a coalition's name when not alone).
  const firstMarks = arr(r.states).find((x) => isObj(x) && isObj(x.stability)) as
    Record<string, unknown> | undefined;
  const stateKeys = firstMarks
    ? Object.keys((Object.values(firstMarks.stability as object)[0] as object | undefined) ?? {})
    : [];
  const dms = stateKeys.length
    ? stateKeys.map((k) => ({ id: k, name: dmName.get(k) ?? k, short: k }))
    : players.length
      ? players.map((p) => {
          const name = str(p.name) ?? '?';
          return { id: name, name: dmName.get(name) ?? name, short: short(name, arr(p.members).map(String)) };
        })
      : decisionMakers.map((d) => {
          const id = str(d.id) ?? '?';
          return { id, name: str(d.name) ?? id, short: id };
        });

  const stability = isObj(r.stability) ? r.stability : {};
  const equilibria = isObj(r.equilibria) ? r.equilibria : {};
  const concepts = arr(r.concepts).length
    ? arr(r.concepts).map(String)
    : Object.keys(stability).length
      ? Object.keys(stability)
      : Object.keys(equilibria);
  const states: StabilityState[] = arr(r.states)
    .filter(isObj)
    .map((s, k) => {
      const number = num(pick(s, 'state', 'number', 'id')) ?? k + 1;
      const marks = new Map<string, Map<string, boolean>>();
      if (perState) {
        const own = isObj(s.stability) ? s.stability : {};
        for (const c of concepts)
          marks.set(
            c,
            new Map(Object.entries(isObj(own[c]) ? own[c] : {}).map(([dm, b]) => [dm, Boolean(b)])),
          );
        return {
          id: str(s.id) ?? String(number),
          bits: (str(pick(s, 'bits', 'yn', 'pattern')) ?? '').split(''),
          marks,
          equilibria: arr(s.equilibria).map(String),
        };
      }
      for (const c of concepts) {
        const perPlayer = isObj(stability[c]) ? stability[c] : {};
        marks.set(c, new Map(Object.entries(perPlayer).map(([p, v]) => [p, Boolean(arr(v)[k])])));
      }
      const yn = str(pick(s, 'yn', 'bits', 'pattern')) ?? '';
      return {
        id: String(number),
        bits: yn.split(''),
        marks,
        equilibria: concepts.filter((c) => arr(equilibria[c]).some((n) => Number(n) === number)),
      };
    });

  const sq = isObj(r.statusQuo) ? r.statusQuo : undefined;
  const presentedPaths = arr(sq?.paths)
    .filter(isObj)
    .map((p) => {
      const ids = arr(pick(p, 'path', 'steps')).map(String);
      return {
        to: String(p.to),
        steps: ids[0] === str(pick(sq!, 'state', 'from')) ? ids.slice(1) : ids,
        improvement: false,
      };
    });
  const paths = presentedPaths.length
    ? presentedPaths
    : sq
      ? arr(sq.reached)
          .filter(isObj)
          .filter((x) => (num(x.steps) ?? 0) > 0)
          .map((x) => {
            const imp = arr(x.improvementPath);
            const path = imp.length ? imp : arr(x.path);
            return {
              to: String(x.state),
              steps: path.filter(isObj).map((step) => String(step.to)),
              improvement: imp.length > 0,
            };
          })
      : [];
  return {
    options,
    dms,
    concepts,
    states,
    statusQuo: sq ? str(pick(sq, 'from', 'state')) : undefined,
    paths,
    warnings: strings(r.warnings),
  };
}
