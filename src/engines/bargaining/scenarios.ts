/**
 * Scenarios side by side: the baseline forecast and the forecast under each of the case's named overlays
 * (applied with case/scenario.ts's applyScenario), for the same models and date.
 */
import type { Case } from '../../case/schema.js';
import { forecastCase, type CaseForecast, type CaseForecastOptions } from './forecast.js';

export interface ScenarioComparison {
  baseline: CaseForecast;
  scenarios: { id: string; name: string; forecast: CaseForecast }[];
}

/** Forecasts the baseline and each scenario (all of the case's, or those listed). */
export function forecastScenarios(
  c: Case,
  options: Omit<CaseForecastOptions, 'scenario'> & { scenarios?: readonly string[] } = {},
): ScenarioComparison {
  const ids = options.scenarios ?? c.scenarios.map((s) => s.id);
  return {
    baseline: forecastCase(c, options),
    scenarios: ids.map((id) => ({
      id,
      name: c.scenarios.find((s) => s.id === id)?.name ?? id,
      forecast: forecastCase(c, { ...options, scenario: id }),
    })),
  };
}
