/**
 * Guards for a BargainingInput: every problem is collected as data naming the actor, the issue and the field,
 * so the CLI and the API can say what to fix instead of failing deep inside a model.
 */
import { InvalidInputError } from '../../kit/errors.js';
import type { BargainingInput } from './types.js';

export interface InputProblem {
  code:
    | 'too_few_actors'
    | 'not_finite'
    | 'off_scale'
    | 'negative'
    | 'shape'
    | 'zero_capability'
    | 'zero_salience'
    | 'no_dimensions';
  /** Where: e.g. ["actors", "russia", "capability"] or ["issues", "territory", "salience"]. */
  path: (string | number)[];
  message: string;
  hint: string;
}

/** Thrown by `assertValidInput`; carries all problems found. */
export class BargainingInputError extends InvalidInputError {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n'), problems);
    this.name = 'BargainingInputError';
  }
}

export interface ValidateOptions {
  /** Fewest actors a forecast needs on each issue (default 2). */
  minActors?: number;
}

/** Returns every problem of the input (empty when it can be forecast). */
export function validateInput(input: BargainingInput, options: ValidateOptions = {}): InputProblem[] {
  const minActors = options.minActors ?? 2;
  const problems: InputProblem[] = [];
  const n = input.actors.length;
  const actorId = (i: number) => input.actors[i]?.id ?? String(i);
  if (input.dimensions.length === 0) {
    problems.push({
      code: 'no_dimensions',
      path: ['issues'],
      message: 'no issue to forecast',
      hint: 'add an issue with stances',
    });
  }
  if (input.capability.length !== n || input.position.length !== n || input.salience.length !== n) {
    problems.push({
      code: 'shape',
      path: ['actors'],
      message: `capability, position and salience must each have one entry per actor (${n})`,
      hint: 'this is a bug in the caller that built the input',
    });
    return problems;
  }
  input.capability.forEach((c, i) => {
    if (!Number.isFinite(c)) {
      problems.push({
        code: 'not_finite',
        path: ['actors', actorId(i), 'capability'],
        message: `capability is ${c}`,
        hint: 'use a finite number ≥ 0',
      });
    } else if (c < 0) {
      problems.push({
        code: 'negative',
        path: ['actors', actorId(i), 'capability'],
        message: `capability ${c} is negative`,
        hint: 'use a number ≥ 0',
      });
    }
  });
  input.dimensions.forEach((dim, d) => {
    let active = 0;
    let weight = 0;
    let salienceTotal = 0;
    for (let i = 0; i < n; i++) {
      if (input.active && input.active[i]?.[d] === false) continue;
      const x = input.position[i]?.[d];
      const s = input.salience[i]?.[d];
      const where = ['issues', dim.id, 'actors', actorId(i)];
      if (x === undefined || !Number.isFinite(x)) {
        problems.push({
          code: 'not_finite',
          path: [...where, 'position'],
          message: `position is ${x}`,
          hint: 'positions are numbers on the 0–100 scale',
        });
        continue;
      }
      if (x < 0 || x > 100) {
        problems.push({
          code: 'off_scale',
          path: [...where, 'position'],
          message: `position ${x} is off the 0–100 scale`,
          hint: 'rescale the issue to 0–100',
        });
      }
      if (s === undefined || !Number.isFinite(s)) {
        problems.push({
          code: 'not_finite',
          path: [...where, 'salience'],
          message: `salience is ${s}`,
          hint: 'salience is a number 0–100 in the case file',
        });
        continue;
      }
      if (s < 0 || s > 1) {
        problems.push({
          code: 'off_scale',
          path: [...where, 'salience'],
          message: `salience ${s * 100} is outside 0–100`,
          hint: 'use 0–100',
        });
      }
      active++;
      salienceTotal += s;
      weight += (input.capability[i] ?? 0) * s;
    }
    if (active < minActors) {
      problems.push({
        code: 'too_few_actors',
        path: ['issues', dim.id],
        message: `${active} actor(s) take part; a forecast needs at least ${minActors}`,
        hint: 'add stances of more actors on this issue, or leave such issues out (--skip-incomplete)',
      });
    } else if (salienceTotal === 0) {
      problems.push({
        code: 'zero_salience',
        path: ['issues', dim.id, 'salience'],
        message: 'the total salience is 0',
        hint: 'give at least one actor a salience above 0',
      });
    } else if (weight === 0) {
      problems.push({
        code: 'zero_capability',
        path: ['issues', dim.id, 'capability'],
        message: 'every actor with salience above 0 has capability 0',
        hint: 'give at least one of these actors a capability above 0',
      });
    }
  });
  return problems;
}

/** Throws a BargainingInputError listing every problem, if any. */
export function assertValidInput(input: BargainingInput, options: ValidateOptions = {}): void {
  const problems = validateInput(input, options);
  if (problems.length > 0) throw new BargainingInputError(problems);
}
