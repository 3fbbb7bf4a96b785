/**
 * Redline's public core API, listed family by family. Adapters (CLI, server, store, jobs, web) import the
 * core only through this module.
 */
export * from './case/index.js';
export * from './kit/random.js';
export * from './engines/redlines/index.js';
export * from './engines/bargaining/index.js';
export * from './engines/gmcr/index.js';
export * from './engines/evidence/index.js';
export * from './formats/index.js';
export * from './engines/monitor/index.js';
