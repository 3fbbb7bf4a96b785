/** The case model: schema, parsing with located issues, resolution of stances as of a date. */
export * from './schema.js';
