/** The case model: schema, parsing with located issues, validation, resolution as of a date, scenarios. */
export * from './schema.js';
export * from './issues.js';
export * from './parse.js';
export { prescan, type ScanLimits, type ScanResult } from './prescan.js';
export * from './validate.js';
export * from './resolve.js';
export * from './scenario.js';
export * from './json-schema.js';
