/**
 * Forecast settings inside a case file: Monte Carlo perturbation ranges and per-field overrides.
 * Owned by the bargaining engine (src/engines/bargaining).
 */
import { z } from 'zod';

export const ForecastSettingsSchema = z
  .looseObject({})
  .describe('Settings for forecasts: uncertainty ranges for Monte Carlo runs.');

export type ForecastSettings = z.infer<typeof ForecastSettingsSchema>;
