/** One colour per actor across every chart: the case's `actor.color`, else a fixed palette by actor order. */
import type { Case } from '../api/types.js';

/** Distinct, print-safe hues (Tableau 10 order, slightly deepened for white backgrounds). */
export const PALETTE = [
  '#2f6db5',
  '#d1495b',
  '#e08a1e',
  '#2a9d8f',
  '#7b5ea7',
  '#8c6d46',
  '#d46fa8',
  '#5f6b75',
  '#9aa930',
  '#2fa4c4',
] as const;

export const STATUS_COLORS = {
  inside: '#2a9d8f',
  crosses: '#d1495b',
  silent: '#f0f2f5',
  noRedLine: '#d3dce6',
  unknown: '#b8bec7',
} as const;

export function actorColors(c: Pick<Case, 'actors'>): Map<string, string> {
  const map = new Map<string, string>();
  c.actors.forEach((a, i) => map.set(a.id, a.color ?? PALETTE[i % PALETTE.length]!));
  return map;
}

/** `#rrggbb` with alpha → `rgba(...)`, for red-line bands drawn under the marks. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
