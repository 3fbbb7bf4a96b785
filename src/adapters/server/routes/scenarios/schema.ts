/** Request schemas of the scenario comparisons: the contract's (src/contract/analyses.ts). */
export { ScenarioForecastBody, ScenariosQuery } from '../../../../contract/index.js';
