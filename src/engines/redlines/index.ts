/**
 * Red-line check, proposal diff and zone of agreement. Conventions: every issue on 0–100; an actor at p
 * values outcome x at 1 − |x − p|/100; utilities are salience-weighted and normalised by the actor's total
 * salience; an issue a proposal leaves open keeps its status quo.
 */
export * from './proposal.js';
export * from './check.js';
export * from './diff.js';
export * from './zone.js';
export * from './scenarios.js';
