/**
 * General metarationality (Fang, Hipel & Kilgour 1993, §3.2; n players: EJOR 41, 1989): every improvement
 * can be answered by some sequence of opponent moves ending at a state no better for the player than s.
 */
import { sanctionStability, type StabilityContext } from './context.js';

export function gmrStability(ctx: StabilityContext, pi: number): Uint8Array {
  return sanctionStability(ctx, pi, false);
}
