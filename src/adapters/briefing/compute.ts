/**
 * The analyses a briefing shows, computed from a case with the same core functions the CLI commands use:
 * a red-line check per proposal, the zone of agreement, the forecast of every model, and the GMCR equilibria
 * of every conflict. Pure: no I/O. An analysis that cannot run is kept as its error message, so one broken
 * part does not lose the rest of the briefing.
 */
import {
  analyzeStability,
  buildModel,
  checkProposal,
  conflictFromCase,
  forecastCase,
  ynOf,
  zoneOfAgreement,
  type Case,
  type CaseForecast,
  type CheckResult,
  type StabilityConcept,
  type ZoneResult,
} from '../../index.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ConflictEquilibria {
  id: string;
  name: string;
  states: number;
  /** Equilibria per concept: state number, Y/N code and the options taken (as "DM: option"). */
  equilibria: { concept: StabilityConcept; states: { state: number; yn: string; taken: string[] }[] }[];
}

export interface BriefingData {
  asOf?: string;
  scenario?: string;
  checks: { proposal: string; title: string; result: Outcome<CheckResult> }[];
  zone: Outcome<ZoneResult>;
  forecast: Outcome<CaseForecast>;
  conflicts: { id: string; result: Outcome<ConflictEquilibria> }[];
}

function attempt<T>(fn: () => T): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    const problems = (e as { problems?: { path: (string | number)[]; message: string }[] }).problems;
    const detail = problems?.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ');
    return { ok: false, error: detail || (e instanceof Error ? e.message : String(e)) };
  }
}

/** The equilibria of one conflict of the case, each decision maker a player of its own (as `redline stability`). */
export function conflictEquilibria(c: Case, conflictId: string): ConflictEquilibria {
  const compiled = conflictFromCase(c, conflictId);
  if (!compiled.ok) throw new Error(compiled.issues.map((i) => i.message).join('; '));
  const built = buildModel(compiled.conflict.spec);
  if (!built.ok) throw new Error(built.issues.map((i) => i.message).join('; '));
  const model = built.model;
  const result = analyzeStability(model, { coalitions: model.dms.map((_, i) => [i]) });
  const describe = (state: number) => {
    const code = model.codes[state - 1]!;
    return {
      state,
      yn: ynOf(code, model.m),
      taken: model.options
        .filter((_, k) => code & (1 << k))
        .map((o) => `${model.dms[o.owner]!.name}: ${o.name}`),
    };
  };
  return {
    id: conflictId,
    name: model.name ?? conflictId,
    states: model.n,
    equilibria: result.concepts.map((concept) => ({
      concept,
      states: (result.equilibria[concept] ?? []).map(describe),
    })),
  };
}

export function computeBriefing(c: Case, options: { asOf?: string; scenario?: string } = {}): BriefingData {
  const { asOf } = options;
  const conflicts = (c.conflicts ?? []) as { id: string }[];
  return {
    asOf,
    scenario: options.scenario,
    checks: c.proposals.map((p) => ({
      proposal: p.id,
      title: p.title,
      result: attempt(() => checkProposal(c, p.id, { asOf })),
    })),
    zone: attempt(() => zoneOfAgreement(c, { asOf })),
    forecast: attempt(() => forecastCase(c, { asOf, skipIncomplete: true })),
    conflicts: conflicts.map((k) => ({ id: k.id, result: attempt(() => conflictEquilibria(c, k.id)) })),
  };
}
