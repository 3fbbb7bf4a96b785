/**
 * KTAB SMP model parameters. Their definition lives with the case model (src/case/smp-params.ts) because case
 * files and KTAB's file formats name them too; the engine reads them from there.
 */
export * from '../../../case/smp-params.js';
