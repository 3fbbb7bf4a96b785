/** The registry of bargaining models: one entry point per model id, with its options from the case settings. */
import { DEFAULT_FORECAST_SETTINGS, type ModelOptions } from '../../case/schema-forecast.js';
import { compromise } from './compromise.js';
import { median } from './median.js';
import { nash } from './nash.js';
import { bdm } from './bdm/index.js';
import { exchange } from './exchange.js';
import { smpForecast } from './smp-adapter.js';
import type { BargainingInput, ModelForecast } from './types.js';

export const MODEL_IDS = ['compromise', 'median', 'nash', 'bdm', 'smp', 'exchange'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

export const MODEL_DESCRIPTIONS: Record<ModelId, string> = {
  compromise: 'compromise model: capability × salience weighted mean',
  median: 'median voter: weighted median / Condorcet winner',
  nash: 'asymmetric Nash bargaining solution against the status quo',
  bdm: 'Bueno de Mesquita expected-utility model (Scholz et al. 2011)',
  smp: 'KTAB Spatial Model of Politics',
  exchange: 'Stokman equal-gain exchange model',
};

export interface RunModelOptions {
  /** Model options as in the case's forecast settings (defaults filled in). */
  options?: ModelOptions;
  /** Seed for models with random steps (SMP's stochastic transitions). */
  seed?: number;
}

/** Runs one model on the input. */
export function runModel(id: ModelId, input: BargainingInput, run: RunModelOptions = {}): ModelForecast {
  const o = run.options ?? DEFAULT_FORECAST_SETTINGS.models;
  switch (id) {
    case 'compromise':
      return compromise(input, o.compromise);
    case 'median':
      return median(input, o.median);
    case 'nash':
      return nash(input, o.nash);
    case 'bdm':
      return bdm(input, o.bdm);
    case 'exchange':
      return exchange(input, o.exchange);
    case 'smp':
      return smpForecast(input, { params: o.smp, seed: run.seed });
  }
}
