/**
 * The monitoring engine: developments from new claims and events against the case as of now, alert-rule
 * matching and retry arithmetic, and digest rendering. Plain functions; the clock arrives as arguments.
 */
export * from './developments.js';
export * from './rules.js';
export * from './digest.js';
