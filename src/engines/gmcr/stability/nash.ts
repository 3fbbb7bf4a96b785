/** Nash stability (Fang, Hipel & Kilgour 1993, §3.2): the player has no unilateral improvement. */
import { improvementsOf, type StabilityContext } from './context.js';

export function nashStability(ctx: StabilityContext, pi: number): Uint8Array {
  const { start } = improvementsOf(ctx, pi);
  const out = new Uint8Array(ctx.model.n);
  for (let s = 0; s < ctx.model.n; s++) out[s] = start[s + 1] === start[s] ? 1 : 0;
  return out;
}
