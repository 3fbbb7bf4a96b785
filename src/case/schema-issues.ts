/**
 * Turns zod's validation issues into CaseIssues with codes and hints a person can act on. The allowed keys
 * and enum values in hints are read from the schema itself, so they never drift from it.
 */
import type { z } from 'zod';
import { isIssueCode, type CaseIssue, type CasePath } from './issues.js';

type AnySchema = z.ZodType;

/** Most schema issues turned into CaseIssues per parse (the parser reports at most its maxIssues). */
const MAX_SCHEMA_ISSUES = 1000;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  in?: AnySchema;
  schema?: AnySchema;
  entries?: Record<string, unknown>;
  values?: unknown[];
}

const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips wrappers (optional, default, nullable, pipes, refinements) to the schema that holds the shape. */
function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (let i = 0; i < 20; i++) {
    const d = defOf(cur);
    if (
      (d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault') &&
      d.innerType
    )
      cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else return cur;
  }
  return cur;
}

/** The sub-schema at `path`, following the data to choose among discriminated-union members. */
export function schemaAt(root: AnySchema, path: CasePath, data: unknown): AnySchema | undefined {
  let cur: AnySchema | undefined = root;
  let value: unknown = data;
  for (const seg of path) {
    if (!cur) return undefined;
    cur = pickUnionMember(unwrap(cur), value);
    const d = defOf(cur);
    if (d.type === 'object' && typeof seg === 'string') cur = d.shape?.[seg];
    else if (d.type === 'array' && typeof seg === 'number') cur = d.element;
    else return undefined;
    value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[seg] : undefined;
  }
  return cur ? pickUnionMember(unwrap(cur), value) : undefined;
}

function pickUnionMember(s: AnySchema, value: unknown): AnySchema {
  const d = defOf(s);
  if (d.type !== 'union' || !d.options) return s;
  if (d.discriminator && value && typeof value === 'object') {
    const tag = (value as Record<string, unknown>)[d.discriminator];
    for (const o of d.options) {
      const od = defOf(unwrap(o));
      const lit = od.shape?.[d.discriminator];
      if (lit && (defOf(lit).values ?? []).includes(tag)) return unwrap(o);
    }
  }
  const objects = d.options.map(unwrap).filter((o) => defOf(o).type === 'object');
  return objects.length === 1 ? objects[0]! : s;
}

export function allowedKeys(root: AnySchema, path: CasePath, data: unknown): string[] {
  const s = schemaAt(root, path, data);
  const d = s ? defOf(s) : undefined;
  return d?.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

const typeName = (v: unknown): string =>
  v === undefined
    ? 'nothing'
    : v === null
      ? 'null'
      : Array.isArray(v)
        ? 'a list'
        : typeof v === 'object'
          ? 'a mapping'
          : `${typeof v} ${JSON.stringify(v)}`;

function valueAt(data: unknown, path: CasePath): unknown {
  let v = data;
  for (const seg of path)
    v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

/** Maps zod issues (from CaseSchema.safeParse) to CaseIssues. Unknown keys become one issue per key. */
export function fromZodIssues(
  root: AnySchema,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
): CaseIssue[] {
  const out: CaseIssue[] = [];
  for (const zi of issues) {
    // The parser shows a few hundred at most; past that, spelling hints for 100,000 keys are wasted work.
    if (out.length >= MAX_SCHEMA_ISSUES) break;
    const path = zi.path.filter((p): p is string | number => typeof p !== 'symbol');
    const got = valueAt(data, path);
    switch (zi.code) {
      case 'unrecognized_keys': {
        const allowed = allowedKeys(root, path, data);
        for (const key of zi.keys.slice(0, MAX_SCHEMA_ISSUES)) {
          const guess = closest(key, allowed);
          out.push({
            code: 'unknown_key',
            severity: 'error',
            path: [...path, key],
            message: `unknown key "${key}"`,
            hint: guess
              ? `did you mean "${guess}"?`
              : `remove it; the keys allowed here are: ${allowed.join(', ') || '(none)'}`,
          });
        }
        break;
      }
      case 'invalid_type': {
        const missing = got === undefined;
        out.push({
          code: missing ? 'missing_field' : 'wrong_type',
          severity: 'error',
          path,
          message: missing
            ? `required field is missing (expected ${zi.expected})`
            : `expected ${zi.expected}, got ${typeName(got)}`,
          hint: missing ? `add "${String(path[path.length - 1])}"` : `write a value of type ${zi.expected}`,
        });
        break;
      }
      case 'too_small':
      case 'too_big': {
        const isNumber = zi.origin === 'number';
        out.push({
          code: isNumber ? 'out_of_range' : zi.code,
          severity: 'error',
          path,
          message: `${zi.message}${isNumber ? ` (got ${String(got)})` : ''}`,
          hint: isNumber
            ? `use a number ${zi.code === 'too_small' ? '≥' : '≤'} ${String(zi.code === 'too_small' ? zi.minimum : zi.maximum)}`
            : undefined,
        });
        break;
      }
      case 'invalid_format':
        out.push({
          code: zi.format === 'date' ? 'bad_date' : 'bad_format',
          severity: 'error',
          path,
          message: `${zi.message} (got ${typeName(got)})`,
          hint: zi.format === 'date' ? 'write the date as YYYY-MM-DD, e.g. 2025-08-15' : undefined,
        });
        break;
      case 'invalid_value': {
        const allowed = zi.values.map((v) => JSON.stringify(v));
        if (got === undefined) {
          out.push({
            code: 'missing_field',
            severity: 'error',
            path,
            message: `required field is missing (allowed: ${allowed.join(', ')})`,
            hint: `add "${String(path[path.length - 1])}: ${zi.values.map(String)[0]}"`,
          });
          break;
        }
        const guess = typeof got === 'string' ? closest(got, zi.values.map(String)) : undefined;
        out.push({
          code: 'invalid_value',
          severity: 'error',
          path,
          message: `invalid value ${typeName(got)}`,
          hint: guess
            ? `did you mean "${guess}"? allowed: ${allowed.join(', ')}`
            : `allowed: ${allowed.join(', ')}`,
        });
        break;
      }
      case 'invalid_union': {
        out.push({
          code: got === undefined ? 'missing_field' : 'invalid_value',
          severity: 'error',
          path,
          message:
            got === undefined
              ? 'required field is missing'
              : `value does not match any allowed form (got ${typeName(got)})`,
          hint: unionHint(root, path, data),
        });
        break;
      }
      case 'custom': {
        // Refinements name their code and hint in `params` (see RedLineSchema).
        const params = (zi.params ?? {}) as { code?: string; hint?: string };
        out.push({
          code: params.code !== undefined && isIssueCode(params.code) ? params.code : 'invalid',
          severity: 'error',
          path,
          message: zi.message,
          hint: params.hint,
        });
        break;
      }
      default:
        out.push({ code: 'invalid', severity: 'error', path, message: zi.message });
    }
  }
  return out;
}

function unionHint(root: AnySchema, path: CasePath, data: unknown): string | undefined {
  // zod reports a bad discriminator at the tag's own path; the union is then one level up.
  const here = schemaAt(root, path, data);
  const up = path.length > 0 ? schemaAt(root, path.slice(0, -1), undefined) : undefined;
  const s = here && defOf(here).type === 'union' ? here : up && defOf(up).type === 'union' ? up : here;
  if (!s) return undefined;
  const d = defOf(s);
  if (d.type === 'union' && d.discriminator && d.options) {
    const tags = d.options.flatMap(
      (o) => defOf(defOf(unwrap(o)).shape?.[d.discriminator!] ?? o).values ?? [],
    );
    return `set "${d.discriminator}" to one of: ${tags.map(String).join(', ')}`;
  }
  const desc = (s as unknown as { description?: string }).description;
  return desc;
}
