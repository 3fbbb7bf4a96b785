/**
 * A GMCR stability report (src/contract/analyses.ts `StabilityReport`) as the table the stability view draws:
 * per state its Y/N pattern, the per-player marks of each concept and the concepts it is an equilibrium under,
 * and the status quo's shortest paths.
 */
import type { StabilityReport } from '../api/types.js';

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
  options: { id: string; dm: string; label: string }[];
  /** Players (decision makers, or coalitions when a partition was analysed); `short` heads narrow columns. */
  dms: { id: string; name: string; short: string }[];
  concepts: string[];
  states: StabilityState[];
  statusQuo?: string | undefined;
  paths: { to: string; steps: string[]; improvement: boolean }[];
  warnings: string[];
}

export function presentStability(r: StabilityReport): StabilityView {
  const dmName = new Map(r.decisionMakers.map((d) => [d.id, d.name]));
  // The per-state marks are keyed by the decision-maker id of a lone player, else by the coalition's name.
  const dms = r.players.map((p) => {
    const key = p.members.length === 1 ? p.members[0]! : p.name;
    return { id: key, name: dmName.get(key) ?? p.name, short: p.members.join('+') || key };
  });
  const states = r.states.map((s) => ({
    id: String(s.state),
    bits: s.yn.split(''),
    marks: new Map(r.concepts.map((c) => [c, new Map(Object.entries(s.stability[c] ?? {}))])),
    equilibria: s.equilibria,
  }));
  const sq = r.statusQuo;
  const paths = sq
    ? sq.reached
        .filter((x) => (x.steps ?? 0) > 0)
        .map((x) => {
          const improvement = (x.improvementPath?.length ?? 0) > 0;
          const path = (improvement ? x.improvementPath : x.path) ?? [];
          return { to: String(x.state), steps: path.map((step) => String(step.to)), improvement };
        })
    : [];
  return {
    options: r.options.map((o) => ({ id: o.id, dm: o.owner, label: o.name })),
    dms,
    concepts: r.concepts,
    states,
    statusQuo: sq ? String(sq.from) : undefined,
    paths,
    warnings: r.warnings,
  };
}
