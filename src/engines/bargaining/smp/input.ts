/**
 * From a BargainingInput to SMP's internal model on [0,1]: the checks KTAB's readers and run-time guards
 * make (docs/models/SMP.md §2, §12.6, §12.11), reported as data, and the flat typed arrays the engine works on.
 */
import type { BargainingInput } from '../types.js';
import { validateInput, type InputProblem } from '../validate.js';
import { accommodationMatrix, SmpParamsSchema, type SmpAccommodationPair, type SmpParams } from './params.js';
import type { SmpModel } from './state.js';

/** KTAB needs at least three actors (docs/models/SMP.md §1). */
export const SMP_MIN_ACTORS = 3;
/** KTAB's own limit (docs/models/SMP.md §1); a turn costs O(N³), so this also bounds the run time. */
export const SMP_MAX_ACTORS = 250;
/** Salience totals up to 1 + this are taken as 1 (KTAB crashes on 1.0000000000000002, docs/models/SMP.md §12.11). */
const SALIENCE_SUM_TOLERANCE = 1e-9;
const ACCOMMODATION_ROW_TOLERANCE = 1e-10;

const isActive = (input: BargainingInput, i: number, d: number) => input.active?.[i]?.[d] !== false;

/** Every reason `input` (with an optional accommodation matrix) cannot be run by SMP; empty when fine. */
export function checkSmpInput(
  input: BargainingInput,
  accommodation?: readonly (readonly number[])[],
): InputProblem[] {
  const problems = validateInput(input, { minActors: 1 });
  const n = input.actors.length;
  const id = (i: number) => input.actors[i]?.id ?? String(i);
  if (n < SMP_MIN_ACTORS) {
    problems.push({
      code: 'too_few_actors',
      path: ['actors'],
      message: `SMP needs at least ${SMP_MIN_ACTORS} actors; the input has ${n}`,
      hint: 'add actors, or use a model for two parties (nash)',
    });
  }
  if (n > SMP_MAX_ACTORS) {
    problems.push({
      code: 'off_scale',
      path: ['actors'],
      message: `SMP runs at most ${SMP_MAX_ACTORS} actors (KTAB's limit; a turn costs O(N³)); the input has ${n}`,
      hint: 'merge minor actors into groups, or use the compromise or median model',
    });
  }
  if (problems.some((p) => p.code === 'shape')) return problems;
  input.capability.forEach((c, i) => {
    if (c === 0) {
      problems.push({
        code: 'zero_capability',
        path: ['actors', id(i), 'capability'],
        message: 'capability is 0; SMP needs every actor to have capability above 0',
        hint: 'give the actor a small positive capability, or leave it out of the forecast',
      });
    }
  });
  input.salience.forEach((row, i) => {
    let total = 0;
    row.forEach((s, d) => {
      if (isActive(input, i, d) && Number.isFinite(s)) total += s;
    });
    if (total === 0) {
      problems.push({
        code: 'zero_salience',
        path: ['actors', id(i), 'salience'],
        message: 'the actor’s saliences are all 0; SMP needs a total salience above 0',
        hint: 'give the actor some salience on at least one issue, or leave it out',
      });
    }
  });
  if (accommodation) problems.push(...checkAccommodation(input, accommodation));
  return problems;
}

function checkAccommodation(input: BargainingInput, a: readonly (readonly number[])[]): InputProblem[] {
  const n = input.actors.length;
  const problems: InputProblem[] = [];
  if (a.length !== n || a.some((row) => row.length !== n)) {
    return [
      {
        code: 'shape',
        path: ['accommodation'],
        message: `the accommodation matrix must be ${n}×${n}, one row and column per actor`,
        hint: 'list one row per actor in actor order',
      },
    ];
  }
  a.forEach((row, i) => {
    const where = ['accommodation', input.actors[i]!.id];
    if (row.some((x) => !Number.isFinite(x) || x < 0 || x > 1)) {
      problems.push({
        code: 'off_scale',
        path: where,
        message: 'accommodation entries must lie within 0–1',
        hint: 'use weights between 0 and 1',
      });
    }
    const sum = row.reduce((s, x) => s + x, 0);
    if (sum > 1 + ACCOMMODATION_ROW_TOLERANCE) {
      problems.push({
        code: 'off_scale',
        path: where,
        message: `accommodation weights sum to ${sum}, more than 1`,
        hint: 'scale the row down so its weights sum to at most 1',
      });
    }
  });
  return problems;
}

/**
 * Builds the internal model from a checked input. Two adaptations of general cases to SMP, each warned
 * about: an actor inactive on an issue gets salience 0 there and, if it has no position, the capability ×
 * salience weighted mean of the active actors; an actor whose saliences sum above 1 has them scaled to 1.
 */
export function buildModel(
  input: BargainingInput,
  params: SmpParams,
  accommodationRows?: readonly (readonly number[])[],
): { model: SmpModel; pos0: Float64Array; warnings: string[] } {
  const n = input.actors.length;
  const dims = input.dimensions.length;
  const warnings: string[] = [];
  const salience = new Float64Array(n * dims);
  const pos0 = new Float64Array(n * dims);
  const salSqSum = new Float64Array(n);
  const totalSalience = new Float64Array(n);
  const capability = Float64Array.from(input.capability);
  const challengeWeight = new Float64Array(n);
  const fallback = input.dimensions.map((_, d) => activeMean(input, d));
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let k = 0; k < dims; k++) {
      const active = isActive(input, i, k);
      const s = active ? input.salience[i]![k]! : 0;
      const p = input.position[i]![k];
      const position = p !== undefined && Number.isFinite(p) ? p : fallback[k]!;
      if (!active && position !== p) {
        warnings.push(
          `${input.actors[i]!.id} takes no part in ${input.dimensions[k]!.id}: placed at the weighted mean ` +
            `${position.toFixed(2)} with salience 0`,
        );
      }
      salience[i * dims + k] = s;
      pos0[i * dims + k] = position / 100;
      total += s;
    }
    if (total > 1 + SALIENCE_SUM_TOLERANCE) {
      warnings.push(
        `${input.actors[i]!.id}: saliences sum to ${(total * 100).toFixed(2)} (> 100); scaled to sum to 100 ` +
          'as SMP treats them as shares of attention',
      );
      for (let k = 0; k < dims; k++) salience[i * dims + k] = salience[i * dims + k]! / total;
      total = 1;
    }
    let sq = 0;
    for (let k = 0; k < dims; k++) sq += salience[i * dims + k]! ** 2;
    salSqSum[i] = sq;
    totalSalience[i] = Math.min(1, total);
    challengeWeight[i] = capability[i]! * totalSalience[i]!;
  }
  const accommodation = accommodationRows ? Float64Array.from(accommodationRows.flat()) : undefined;
  const model = {
    n,
    dims,
    params,
    capability,
    salience,
    salSqSum,
    totalSalience,
    challengeWeight,
    accommodation,
  };
  return { model, pos0, warnings };
}

function activeMean(input: BargainingInput, d: number): number {
  let num = 0;
  let den = 0;
  input.actors.forEach((_, i) => {
    const p = input.position[i]?.[d];
    if (!isActive(input, i, d) || p === undefined || !Number.isFinite(p)) return;
    const w = (input.capability[i] ?? 0) * (input.salience[i]?.[d] ?? 0);
    num += w * p;
    den += w;
  });
  return den > 0 ? num / den : 50;
}

/**
 * Parameters with defaults filled in, each unknown key or value reported under `smp.<key>`, and the
 * accommodation as a matrix (entries by actor id resolved against the input's actors).
 */
export function resolveParams(
  input: BargainingInput,
  params: Partial<SmpParams> | undefined,
):
  | { ok: true; params: SmpParams; accommodation?: number[][]; warnings: string[] }
  | { ok: false; problems: InputProblem[] } {
  const parsed = SmpParamsSchema.safeParse(params ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        code: 'off_scale',
        path: ['smp', ...issue.path.map((x) => (typeof x === 'symbol' ? String(x) : x))],
        message: issue.message,
        hint: 'see `SMP parameters` in the SMP engine (names as in KTAB, e.g. votingRule: Prop)',
      })),
    };
  }
  const full = parsed.data;
  const a = full.accommodation;
  const warnings: string[] = [];
  if (!a || a.length === 0) return { ok: true, params: full, warnings };
  if (Array.isArray(a[0])) return { ok: true, params: full, accommodation: a as number[][], warnings };
  const ids = input.actors.map((x) => x.id);
  const { matrix, unknownIds } = accommodationMatrix(ids, a as SmpAccommodationPair[]);
  for (const id of new Set(unknownIds))
    warnings.push(`accommodation: no actor "${id}" in this forecast; entry ignored`);
  return { ok: true, params: full, accommodation: matrix, warnings };
}
