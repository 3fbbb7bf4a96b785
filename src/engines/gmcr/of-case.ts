/**
 * GMCR stability of one of a case's conflicts — the one core function behind `redline stability CASE`, the
 * server's stability route and the stability job (as `forecastCase` is for bargaining): compile the
 * conflict, build the model, analyse every concept, and trace the status quo (shortest paths, optionally the
 * full move tree) when the conflict names one.
 */
import type { Case } from '../../case/schema.js';
import type { CaseIssue } from '../../case/issues.js';
import { analyzeStability } from './analyze.js';
import { conflictFromCase, toCaseIssues } from './from-case.js';
import { buildModel, type GmcrModel } from './model.js';
import { presentStability } from './present.js';
import { moveTree, statusQuoAnalysis } from './status-quo.js';
import { STABILITY_CONCEPTS, type StabilityConcept } from './types.js';

export class StabilityInputError extends Error {
  constructor(
    message: string,
    readonly issues: CaseIssue[],
  ) {
    super(message);
  }
}

export class StabilityTooLargeError extends Error {}

/** Concept names from a comma-separated list (case-insensitive); undefined for none. */
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

/**
 * The model of a case's conflict and its status-quo state (ordered, 1-based), with compile and build warnings
 * located in the case. Throws StabilityInputError with every issue when the conflict cannot be built.
 */
export function gmcrModelOfCase(
  c: Case,
  conflictId?: string,
): { model: GmcrModel; statusQuo?: number; warnings: CaseIssue[] } {
  const compiled = conflictFromCase(c, conflictId);
  if (!compiled.ok)
    throw new StabilityInputError(
      compiled.issues[0]?.message ?? 'the conflict cannot be compiled',
      compiled.issues,
    );
  const built = buildModel(compiled.conflict.spec);
  const casePath = compiled.conflict.casePath;
  if (!built.ok) {
    const issues = toCaseIssues(built.issues, casePath);
    throw new StabilityInputError(issues[0]?.message ?? 'the conflict cannot be analysed', issues);
  }
  const model = built.model;
  let statusQuo: number | undefined;
  if (compiled.conflict.statusQuo) {
    const taken = new Set(compiled.conflict.statusQuo);
    const code = model.options.reduce((acc, o, k) => (taken.has(o.id) ? acc | (1 << k) : acc), 0);
    const s = model.index.get(code);
    if (s >= 0) statusQuo = s + 1;
  }
  return {
    model,
    ...(statusQuo !== undefined ? { statusQuo } : {}),
    warnings: [...compiled.warnings, ...toCaseIssues(built.warnings, casePath)],
  };
}

export interface CaseStabilityOptions {
  conflict?: string | undefined;
  concepts?: StabilityConcept[] | undefined;
  /** Steps of the status-quo analysis (default 5). */
  depth?: number;
  /** Also return the full move tree from the status quo, to `treeDepth` (default 3) steps. */
  tree?: boolean;
  treeDepth?: number;
  /** Refuse conflicts with more feasible states than this (analysis time grows with states squared). */
  maxStates?: number;
}

/** Stability of a case's conflict as plain JSON (the shape of `redline stability --json`). */
export function stabilityOfCase(c: Case, opts: CaseStabilityOptions = {}) {
  const { model, statusQuo: sq, warnings } = gmcrModelOfCase(c, opts.conflict);
  if (opts.maxStates !== undefined && model.n > opts.maxStates)
    throw new StabilityTooLargeError(
      `the conflict has ${model.n} feasible states, more than the ${opts.maxStates} answered within a request; start a stability job instead (POST /api/cases/:id/jobs with kind "stability")`,
    );
  const result = analyzeStability(model, { concepts: opts.concepts });
  const statusQuo = sq === undefined ? null : statusQuoAnalysis(model, sq, { depth: opts.depth ?? 5 });
  if (statusQuo && opts.tree) statusQuo.tree = moveTree(model, sq!, { depth: opts.treeDepth ?? 3 });
  return {
    ...presentStability(model, result),
    statusQuo,
    warnings: [...result.warnings, ...warnings.map((w) => w.message)],
  };
}
