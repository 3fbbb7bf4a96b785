/**
 * The JSON body parser: fastify's own (with its prototype-poisoning guard), after the case parser's linear
 * pre-scan, so 2 MB of nested brackets is refused with a located 422 in microseconds instead of being built
 * into a million nested arrays first (JSON.parse took ~0.7 s and 100+ MB for that).
 */
import type { FastifyInstance } from 'fastify';
import { PARSE_DEFAULTS, prescan } from '../../case/index.js';
import { invalidCase } from './errors.js';

export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // A case is the root object or sits one level down; sizes are left to the body limit.
    const text = typeof body === 'string' ? body : body.toString('utf8');
    const scan = prescan(text, {
      maxChars: Infinity,
      maxDepth: PARSE_DEFAULTS.maxDepth + 1,
      maxAliases: Infinity,
      maxKeys: Infinity,
    });
    if (scan.refusal) done(invalidCase([scan.refusal]), undefined);
    else parseJson(request, text, done);
  });
}
