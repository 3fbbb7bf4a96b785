/** Nash stability (Fang, Hipel & Kilgour 1993, §3.2): the player has no unilateral improvement. */
import { everyImprovement, type StabilityContext } from './context.js';

export function nashStability(ctx: StabilityContext, pi: number): Uint8Array {
  const p = ctx.players[pi]!;
  const out = new Uint8Array(ctx.model.n);
  for (let s = 0; s < ctx.model.n; s++) out[s] = everyImprovement(ctx.model, p, s, () => false) ? 1 : 0;
  return out;
}
