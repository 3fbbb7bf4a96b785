/**
 * Stability analysis of every state for every player under the chosen concepts, and the equilibria
 * (states stable for every player). Standard definitions by default (docs/models/GMCR.md §2); `compat: 'gmcr-py'`
 * switches to gmcr-py 0.4.1's readings: each opponent moves at most once in a sanction, and SEQ+SIM = SEQ or
 * SIM (§6 items 1 and 3).
 */
import type { SanctionSearch } from './direct.js';
import type { GmcrModel } from './model.js';
import { buildPlayers } from './moves.js';
import { createContext, type StabilityContext } from './stability/context.js';
import { gmrStability } from './stability/gmr.js';
import { nashStability } from './stability/nash.js';
import { seqStability } from './stability/seq.js';
import { seqSimStability } from './stability/seqsim.js';
import { simStability } from './stability/sim.js';
import { smrStability } from './stability/smr.js';
import { STABILITY_CONCEPTS, type StabilityConcept } from './types.js';

/** Largest conflict for which SMR is computed when a coalition acts as one player. */
export const COALITION_SMR_MAX_STATES = 4096;

export interface StabilityOptions {
  concepts?: readonly StabilityConcept[];
  /** Sanction search: standard (default) or gmcr-py's each-opponent-at-most-once. */
  sanctions?: SanctionSearch;
  /** SEQ+SIM as SEQ and SIM (default) or SEQ or SIM (gmcr-py). */
  seqSim?: 'and' | 'or';
  /** Shorthand for gmcr-py 0.4.1's behaviour: sanctions 'each-opponent-once', seqSim 'or'. */
  compat?: 'standard' | 'gmcr-py';
  /** Partition of decision-maker indices into players; default: the model's coalitions, else all alone. */
  coalitions?: readonly (readonly number[])[];
}

export interface StabilityResult {
  players: { name: string; members: number[] }[];
  concepts: StabilityConcept[];
  /** stable[concept][player][state index] = 1 when stable. */
  stable: Partial<Record<StabilityConcept, Uint8Array[]>>;
  /** Ordered state numbers (1-based) stable for every player. */
  equilibria: Partial<Record<StabilityConcept, number[]>>;
  settings: { sanctions: SanctionSearch; seqSim: 'and' | 'or' };
  warnings: string[];
}

export function analyzeStability(model: GmcrModel, opts: StabilityOptions = {}): StabilityResult {
  const gmcrPy = opts.compat === 'gmcr-py';
  const sanctions = opts.sanctions ?? (gmcrPy ? 'each-opponent-once' : 'standard');
  const seqSim = opts.seqSim ?? (gmcrPy ? 'or' : 'and');
  const wanted = new Set(opts.concepts ?? STABILITY_CONCEPTS);
  const players = buildPlayers(model, opts.coalitions ?? model.coalitions);
  const warnings = [...model.warnings];
  // SMR for a coalition is searched state by state (see stability/smr.ts): quadratic, so bounded.
  if (wanted.has('SMR') && model.n > COALITION_SMR_MAX_STATES && players.some((p) => p.members.length > 1)) {
    wanted.delete('SMR');
    warnings.push(
      `SMR skipped: with coalitions it is searched state by state, limited to ${COALITION_SMR_MAX_STATES.toLocaleString('en-US')} states (this conflict has ${model.n.toLocaleString('en-US')})`,
    );
  }
  const concepts = STABILITY_CONCEPTS.filter((c) => wanted.has(c));
  const ctx = createContext(model, players, sanctions);
  const stable: Partial<Record<StabilityConcept, Uint8Array[]>> = {};
  const perPlayer = (f: (ctx: StabilityContext, pi: number) => Uint8Array) =>
    players.map((_, pi) => f(ctx, pi));
  const need = (c: StabilityConcept) =>
    wanted.has(c) || (wanted.has('SEQ+SIM') && (c === 'SEQ' || c === 'SIM'));
  if (need('Nash')) stable.Nash = perPlayer(nashStability);
  if (need('GMR')) stable.GMR = perPlayer(gmrStability);
  if (need('SMR')) stable.SMR = perPlayer(smrStability);
  if (need('SEQ')) stable.SEQ = perPlayer(seqStability);
  if (need('SIM')) stable.SIM = perPlayer(simStability);
  if (wanted.has('SEQ+SIM'))
    stable['SEQ+SIM'] = players.map((_, pi) => seqSimStability(stable.SEQ![pi]!, stable.SIM![pi]!, seqSim));
  for (const c of STABILITY_CONCEPTS) if (!wanted.has(c)) delete stable[c];
  const equilibria: Partial<Record<StabilityConcept, number[]>> = {};
  for (const c of concepts) equilibria[c] = equilibriaOf(stable[c]!);
  if (sanctions !== 'standard')
    warnings.push(
      'sanctions searched as in gmcr-py: each opponent moves at most once (may miss standard sanctions)',
    );
  return {
    players: players.map((p) => ({ name: p.name, members: p.members })),
    concepts,
    stable,
    equilibria,
    settings: { sanctions, seqSim },
    warnings,
  };
}

/** Ordered numbers of the states stable for every player. */
export function equilibriaOf(perPlayer: Uint8Array[]): number[] {
  const out: number[] = [];
  const n = perPlayer[0]?.length ?? 0;
  for (let s = 0; s < n; s++) if (perPlayer.every((a) => a[s] === 1)) out.push(s + 1);
  return out;
}
