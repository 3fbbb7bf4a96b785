/**
 * From a case to the models' common input: the stances as of a date (after an optional scenario overlay)
 * become positions, saliences (0–1) and red lines per actor and issue.
 */
import type { Case, Issue } from '../../case/schema.js';
import { applyScenario } from '../../case/scenario.js';
import { stancesAsOf, statusQuoValue, type Acceptable } from '../../case/resolve.js';
import type { BargainingInput } from './types.js';

export interface CaseBargainingInput {
  input: BargainingInput;
  /** redLines[i][d]: actor i's acceptable set on dimension d, if it has a red line there. */
  redLines: (Acceptable | null)[][];
  /** Per dimension, the values of an options scale (null for continuous issues). */
  optionValues: (number[] | null)[];
  /** The case's issues in dimension order (for labels). */
  issues: Issue[];
  asOf: string;
  scenario: string | null;
  warnings: string[];
}

export interface FromCaseOptions {
  asOf?: string;
  scenario?: string;
  /** Leave out (with a warning) issues on which fewer than 2 actors have a stance, instead of refusing them. */
  skipIncomplete?: boolean;
}

/**
 * Builds the input from a case. Actors without any stance as of the date and issues nobody has a stance on
 * are left out (with a warning); an actor without a stance on an issue is inactive there.
 */
export function bargainingInputFromCase(c: Case, options: FromCaseOptions = {}): CaseBargainingInput {
  const theCase = options.scenario ? applyScenario(c, options.scenario) : c;
  const stances = stancesAsOf(theCase, options.asOf);
  const warnings: string[] = [];
  const minStances = options.skipIncomplete ? 2 : 1;
  const issues = theCase.issues.filter((issue) => stances.forIssue(issue.id).length >= minStances);
  const skipped = theCase.issues.filter((issue) => !issues.includes(issue)).map((i) => i.id);
  if (skipped.length > 0)
    warnings.push(
      `${skipped.length} issue(s) with fewer than ${minStances} stance(s) on or before ${stances.asOf} left out: ${skipped.join(', ')}`,
    );
  const actors = theCase.actors.filter((a) => stances.forActor(a.id).length > 0);
  const silent = theCase.actors.filter((a) => !actors.includes(a)).map((a) => a.id);
  if (silent.length > 0)
    warnings.push(
      `${silent.length} actor(s) without a stance on or before ${stances.asOf} left out: ${silent.join(', ')}`,
    );
  const get = (a: string, d: number) => stances.get(a, issues[d]!.id);
  const input: BargainingInput = {
    actors: actors.map((a) => ({ id: a.id, name: a.name })),
    dimensions: issues.map((i) => ({ id: i.id, name: i.name })),
    capability: actors.map((a) => a.capability),
    position: actors.map((a) =>
      issues.map((_, d) => get(a.id, d)?.position ?? statusQuoValue(issues[d]!) ?? 50),
    ),
    salience: actors.map((a) => issues.map((_, d) => (get(a.id, d)?.salience ?? 0) / 100)),
    active: actors.map((a) => issues.map((_, d) => get(a.id, d) !== undefined)),
    statusQuo: issues.map((i) => statusQuoValue(i) ?? null),
    veto: actors.map((a) => a.veto),
  };
  const redLines = actors.map((a) => issues.map((_, d) => get(a.id, d)?.redLine ?? null));
  const optionValues = issues.map((i) =>
    i.scale.kind === 'options' ? i.scale.options.map((o) => o.value) : null,
  );
  return {
    input,
    redLines,
    optionValues,
    issues,
    asOf: stances.asOf,
    scenario: options.scenario ?? null,
    warnings,
  };
}
