/**
 * Sequential stability (Fang, Hipel & Kilgour 1993, §3.2): like GMR, but the sanctioning moves must be
 * credible — each an improvement for the opponent making it (R⁺_{N−i}).
 */
import { sanctionStability, type StabilityContext } from './context.js';

export function seqStability(ctx: StabilityContext, pi: number): Uint8Array {
  return sanctionStability(ctx, pi, true);
}
