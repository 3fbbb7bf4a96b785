/** Loads a case for an analysis command: reads the file, applies `--scenario`, checks `--as-of`. */
import { applyScenario, type Case, UnknownScenarioError } from '../../case/index.js';
import { loadCaseFile } from '../files/load-case.js';
import { CliError, EXIT } from './exit-codes.js';
import { parseAsOf, printWarnings } from './output.js';

export interface AnalysisInput {
  case: Case;
  asOf?: string;
  scenario?: string;
}

export async function loadForAnalysis(
  file: string,
  opts: { asOf?: string; scenario?: string; json?: boolean },
): Promise<AnalysisInput> {
  const asOf = parseAsOf(opts.asOf);
  const loaded = await loadCaseFile(file);
  if (!opts.json) printWarnings(loaded.warnings);
  let c = loaded.case;
  if (opts.scenario) {
    try {
      c = applyScenario(c, opts.scenario);
    } catch (e) {
      if (e instanceof UnknownScenarioError)
        throw new CliError(
          `no scenario "${e.scenarioId}" in ${file}; known: ${e.known.join(', ') || 'none'}`,
          EXIT.usage,
        );
      throw e;
    }
  }
  return { case: c, asOf, scenario: opts.scenario };
}
