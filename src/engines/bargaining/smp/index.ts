/**
 * KTAB's Spatial Model of Politics (SMP), multi-dimensional: public list.
 *
 * Conventions: actor i is `input.actors[i]`, dimension k is `input.dimensions[k]`; positions are 0–100 in and
 * out (internally 0–1 as in KTAB), salience 0–1, capability > 0. Utility matrices are u[i][j] = utility to
 * actor i of actor j's position. Invalid input throws the family's BargainingInputError. Spec:
 * docs/models/SMP.md.
 */
export * from './params.js';
export { runSmp, type SmpOptions, type SmpBargainRecord, type SmpResult, type SmpStopReason } from './run.js';
export { checkSmpInput, SMP_MIN_ACTORS, SMP_MAX_ACTORS } from './input.js';
