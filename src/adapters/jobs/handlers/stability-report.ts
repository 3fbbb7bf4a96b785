/**
 * A GMCR stability analysis of one of a case's conflicts, as plain JSON: the states table with each decision
 * maker's payoffs, stability per concept and player, equilibria, and the status-quo paths when the conflict
 * names its status quo. Same shape as `redline stability --json`.
 */
import {
  analyzeStability,
  buildModel,
  conflictFromCase,
  statusQuoAnalysis,
  presentStability,
  toCaseIssues,
  STABILITY_CONCEPTS,
  type Case,
  type CaseIssue,
  type StabilityConcept,
} from '../../../index.js';

export class StabilityInputError extends Error {
  constructor(
    message: string,
    readonly issues: CaseIssue[],
  ) {
    super(message);
  }
}

export class StabilityTooLargeError extends Error {}

export function parseConcepts(raw: string | undefined): StabilityConcept[] | undefined {
  if (!raw) return undefined;
  return raw.split(',').map((s) => {
    const c = STABILITY_CONCEPTS.find((k) => k.toLowerCase() === s.trim().toLowerCase());
    if (!c)
      throw new StabilityInputError(
        `unknown stability concept "${s.trim()}"; use ${STABILITY_CONCEPTS.join(', ')}`,
        [],
      );
    return c;
  });
}

export function stabilityReport(
  c: Case,
  opts: {
    conflict?: string | undefined;
    concepts?: StabilityConcept[] | undefined;
    depth?: number;
    /** Refuse conflicts with more feasible states than this (analysis time grows with states squared). */
    maxStates?: number;
  },
) {
  const compiled = conflictFromCase(c, opts.conflict);
  if (!compiled.ok)
    throw new StabilityInputError(
      compiled.issues[0]?.message ?? 'the conflict cannot be compiled',
      compiled.issues,
    );
  const built = buildModel(compiled.conflict.spec);
  if (!built.ok) {
    const issues = toCaseIssues(built.issues, compiled.conflict.casePath);
    throw new StabilityInputError(issues[0]?.message ?? 'the conflict cannot be analysed', issues);
  }
  const model = built.model;
  if (opts.maxStates !== undefined && model.n > opts.maxStates) {
    throw new StabilityTooLargeError(
      `the conflict has ${model.n} feasible states, more than the ${opts.maxStates} answered within a request; start a stability job instead (POST /api/cases/:id/jobs with kind "stability")`,
    );
  }
  const result = analyzeStability(model, { concepts: opts.concepts });
  let statusQuo: ReturnType<typeof statusQuoAnalysis> | null = null;
  if (compiled.conflict.statusQuo) {
    const taken = new Set(compiled.conflict.statusQuo);
    const code = model.options.reduce((acc, o, k) => (taken.has(o.id) ? acc | (1 << k) : acc), 0);
    const s = model.index.get(code);
    // The engine takes the ordered state number (1-based), not the index.
    if (s >= 0) statusQuo = statusQuoAnalysis(model, s + 1, { depth: opts.depth ?? 5 });
  }
  return {
    ...presentStability(model, result),
    statusQuo,
    warnings: [
      ...result.warnings,
      ...toCaseIssues(built.warnings, compiled.conflict.casePath).map((w) => w.message),
    ],
  };
}
