/**
 * Simultaneous sanctioning (Fang, Hipel & Kilgour 1993, §3.2; GMCR.md §2.2): each improvement of the player
 * is sanctioned if the others, each staying or taking one of its own improvements from s at the same moment,
 * can produce a feasible combined state no better for the player than s. All choices are enumerated afresh
 * for every improvement (gmcr-py's exhausted-iterator defect, GMCR.md §6 item 2, is not reproduced).
 */
import { simStableAt } from '../direct.js';
import { improvementsFrom } from '../moves.js';
import type { StabilityContext } from './context.js';

export function simStability(ctx: StabilityContext, pi: number): Uint8Array {
  const { model, players } = ctx;
  const out = new Uint8Array(model.n);
  for (let s = 0; s < model.n; s++) {
    const uis = improvementsFrom(model, players[pi]!, s);
    out[s] = simStableAt(model, players, pi, s, uis) ? 1 : 0;
  }
  return out;
}
