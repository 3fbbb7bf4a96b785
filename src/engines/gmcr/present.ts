/**
 * A stability result as plain JSON for adapters (CLI --json, stability jobs, HTTP): options, decision makers,
 * the states table with payoffs and per-state marks, and the per-concept stability arrays. Typed arrays become
 * plain arrays and booleans.
 */
import type { StabilityResult } from './analyze.js';
import type { GmcrModel } from './model.js';
import { ynOf } from './states.js';

export function presentStability(model: GmcrModel, result: StabilityResult) {
  // Per-state marks: concept → player (the decision-maker id when it acts alone) → stable.
  const playerKey = result.players.map((p) =>
    p.members.length === 1 ? model.dms[p.members[0]!]!.id : p.name,
  );
  return {
    conflict: { id: model.id ?? null, name: model.name ?? null },
    concepts: result.concepts,
    options: model.options.map((o, k) => ({
      index: k,
      id: o.id,
      name: o.name,
      owner: model.dms[o.owner]!.id,
      direction: o.direction,
    })),
    decisionMakers: model.dms.map((d) => ({ id: d.id, name: d.name })),
    states: Array.from(model.codes, (code, s) => ({
      state: s + 1,
      code,
      yn: ynOf(code, model.m),
      payoffs: Object.fromEntries(model.dms.map((d, i) => [d.id, model.payoffs[i]![s]])),
      stability: Object.fromEntries(
        result.concepts.map((k) => [
          k,
          Object.fromEntries(playerKey.map((key, pi) => [key, result.stable[k]![pi]![s] === 1])),
        ]),
      ),
      equilibria: result.concepts.filter((k) => (result.equilibria[k] ?? []).includes(s + 1)),
    })),
    players: result.players.map((p) => ({ name: p.name, members: p.members.map((i) => model.dms[i]!.id) })),
    settings: result.settings,
    stability: Object.fromEntries(
      result.concepts.map((k) => [
        k,
        Object.fromEntries(
          result.players.map((p, pi) => [p.name, Array.from(result.stable[k]![pi]!, Boolean)]),
        ),
      ]),
    ),
    equilibria: result.equilibria,
  };
}
