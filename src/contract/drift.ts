/**
 * Compile-time drift checks: each engine result type and its wire schema must describe the same object.
 * `tsc` fails here when an engine adds, removes or retypes a field without the contract following (the run-
 * time half is test/server/contract.test.ts). Results with typed arrays or NaN statistics (stability, Monte
 * Carlo) differ from their JSON by design and are checked only at run time.
 */
import type { z } from 'zod';
import type { CheckResult } from '../engines/redlines/check.js';
import type { DiffResult } from '../engines/redlines/diff.js';
import type { ZoneResult } from '../engines/redlines/zone.js';
import type { ScenarioRedLines } from '../engines/redlines/scenarios.js';
import type { CaseForecast } from '../engines/bargaining/forecast.js';
import type { ScenarioComparison } from '../engines/bargaining/scenarios.js';
import type { CaseIssue } from '../case/issues.js';
import type * as A from './analyses.js';
import type { IssueRecord } from './common.js';

/** Optional keys made required all the way down, so an added optional field counts as a difference too. */
type Shape<T> = T extends readonly (infer U)[]
  ? Shape<U>[]
  : T extends object
    ? { [K in keyof T]-?: Shape<Exclude<T[K], undefined>> }
    : T;
/** True when X and Y have the same fields (optional ones included) with types assignable both ways. */
type Same<X, Y> = [Shape<X>] extends [Shape<Y>] ? ([Shape<Y>] extends [Shape<X>] ? true : false) : false;
type Holds<T extends true> = T;

export type ContractDrift = [
  Holds<Same<CheckResult, z.output<typeof A.CheckResult>>>,
  Holds<Same<DiffResult, z.output<typeof A.DiffResult>>>,
  Holds<Same<ZoneResult, z.output<typeof A.ZoneResult>>>,
  Holds<Same<ScenarioRedLines, z.output<typeof A.ScenarioRedLines>>>,
  Holds<Same<CaseForecast, z.output<typeof A.CaseForecast>>>,
  Holds<Same<ScenarioComparison, z.output<typeof A.ScenarioComparison>>>,
  Holds<Same<CaseIssue, z.output<typeof IssueRecord>>>,
];
