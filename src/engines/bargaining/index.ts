/** Bargaining models: public list. Conventions in ./types.ts. */
export type { BargainingInput, ModelForecast } from './types.js';
