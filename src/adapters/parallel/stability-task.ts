// Piscina task module for stability jobs: one stability report. Input errors come back as data, so the job
// records them as its result. Loaded by stability.worker.ts.
import type { Case } from '../../index.js';
import { parseConcepts, stabilityReport, StabilityInputError } from '../jobs/handlers/stability-report.js';


export default function report(task: { caseData: Case; conflict?: string; concepts?: string }) {
  try {
    return stabilityReport(task.caseData, {
      conflict: task.conflict,
      concepts: parseConcepts(task.concepts),
    });
  } catch (e) {
    if (e instanceof StabilityInputError) return { error: e.message, issues: e.issues };
    throw e;
  }
}
