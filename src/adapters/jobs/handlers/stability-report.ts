/**
 * A GMCR stability analysis of one of a case's conflicts as plain JSON — the core `stabilityOfCase`
 * (src/engines/gmcr/of-case.ts), shared with the CLI and the server; re-exported here under the names the
 * jobs and the analyses route import.
 */
export {
  stabilityOfCase as stabilityReport,
  parseConcepts,
  StabilityInputError,
  StabilityTooLargeError,
} from '../../../engines/gmcr/index.js';
