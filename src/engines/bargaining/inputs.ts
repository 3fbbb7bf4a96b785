/**
 * The perturbable inputs of a bargaining input — each actor's capability, and its position and salience per
 * issue — and how to read, range and replace one. Shared by sensitivity analysis and the Monte Carlo designs.
 */
import type { ResolvedRanges } from './monte-carlo.js';
import type { BargainingInput } from './types.js';

/** One perturbable input. */
export type InputRef =
  | { kind: 'capability'; actor: string }
  | { kind: 'position' | 'salience'; actor: string; issue: string }
  | { kind: 'parameter'; name: string };

/** A numeric input (not a model parameter). */
export type NumericInputRef = Exclude<InputRef, { kind: 'parameter' }>;

/** A copy of the input with one value replaced (positions and saliences given in 0–100 points). */
export function withInput(input: BargainingInput, ref: InputRef, value: number): BargainingInput {
  const i = input.actors.findIndex((a) => 'actor' in ref && a.id === ref.actor);
  if (ref.kind === 'capability') {
    const capability = [...input.capability];
    capability[i] = value;
    return { ...input, capability };
  }
  if (ref.kind === 'parameter') return input;
  const d = input.dimensions.findIndex((x) => x.id === ref.issue);
  const field = ref.kind === 'position' ? 'position' : 'salience';
  const rows = input[field].map((row, k) => {
    if (k !== i) return row;
    const copy = [...row];
    copy[d] = field === 'salience' ? value / 100 : value;
    return copy;
  });
  return { ...input, [field]: rows };
}

/** The input's current value of a ref (0–100 points for position and salience). */
export function inputValue(input: BargainingInput, ref: NumericInputRef): number {
  const i = input.actors.findIndex((a) => a.id === ref.actor);
  if (ref.kind === 'capability') return input.capability[i]!;
  const d = input.dimensions.findIndex((x) => x.id === ref.issue);
  return ref.kind === 'position' ? input.position[i]![d]! : input.salience[i]![d]! * 100;
}

/** The [low, high] range of an input: the Monte Carlo range around its value, clipped to the scale. */
export function inputRange(
  input: BargainingInput,
  ranges: ResolvedRanges,
  ref: NumericInputRef,
): [number, number] {
  const i = input.actors.findIndex((a) => a.id === ref.actor);
  const v = inputValue(input, ref);
  if (ref.kind === 'capability') {
    const r = ranges.capability[i]!;
    return [Math.max(0, v * (1 - r)), v * (1 + r)];
  }
  const d = input.dimensions.findIndex((x) => x.id === ref.issue);
  const r = ref.kind === 'position' ? ranges.position[i]![d]! : ranges.salience[i]![d]!;
  return [Math.max(0, v - r), Math.min(100, v + r)];
}

export const inputLabel = (ref: InputRef) =>
  ref.kind === 'parameter'
    ? ref.name
    : ref.kind === 'capability'
      ? `${ref.actor} capability`
      : `${ref.actor} ${ref.kind} on ${ref.issue}`;

/** Every actor's capability and its position and salience on each issue it is active on (issues: a filter). */
export function numericInputs(input: BargainingInput, issues?: readonly number[]): NumericInputRef[] {
  const out: NumericInputRef[] = [];
  input.actors.forEach((a, i) => {
    out.push({ kind: 'capability', actor: a.id });
    input.dimensions.forEach((dim, d) => {
      if (issues && !issues.includes(d)) return;
      if (input.active && input.active[i]?.[d] === false) return;
      out.push({ kind: 'position', actor: a.id, issue: dim.id });
      out.push({ kind: 'salience', actor: a.id, issue: dim.id });
    });
  });
  return out;
}
