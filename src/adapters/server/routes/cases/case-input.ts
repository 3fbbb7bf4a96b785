/** Turns a request body (`{ yaml }` or a case object) into a validated case and the YAML text to store. */
import { stringify } from 'yaml';
import { parseCase, parseCaseValue, type Case, type CaseIssue } from '../../../../index.js';
import { invalidCase, invalidRequest } from '../../errors.js';

export interface CaseInput {
  case: Case;
  yaml: string;
  warnings: CaseIssue[];
  message?: string | undefined;
  baseVersion?: number | undefined;
}

function isYamlBody(body: unknown): body is { yaml: string; message?: string; baseVersion?: number } {
  return typeof body === 'object' && body !== null && typeof (body as { yaml?: unknown }).yaml === 'string';
}

export function readCaseBody(body: unknown): CaseInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidRequest('send a JSON object: either { "yaml": "<case file text>" } or the case object');
  }
  if (isYamlBody(body)) {
    const extra = Object.keys(body).filter((k) => !['yaml', 'message', 'baseVersion'].includes(k));
    if (extra.length) throw invalidRequest(`unexpected field(s) beside "yaml": ${extra.join(', ')}`);
    if (body.message !== undefined && typeof body.message !== 'string')
      throw invalidRequest('"message" must be a string');
    if (body.baseVersion !== undefined && !Number.isInteger(body.baseVersion))
      throw invalidRequest('"baseVersion" must be a whole number');
    const r = parseCase(body.yaml);
    if (!r.ok) throw invalidCase(r.issues);
    return {
      case: r.case,
      yaml: body.yaml,
      warnings: r.warnings,
      message: body.message,
      baseVersion: body.baseVersion,
    };
  }
  // A case object: validated as a value (depth and size bounded without recursion), stored as YAML.
  const r = parseCaseValue(body);
  if (!r.ok) throw invalidCase(r.issues);
  return { case: r.case, yaml: stringify(body), warnings: r.warnings };
}
