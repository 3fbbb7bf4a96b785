/** Keyset pagination: opaque cursors that encode the last row's sort key. */

export interface PageRequest {
  limit?: number;
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  /** Cursor for the next page, or null on the last page. */
  next: string | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not one this server issued; start again without it');
  }
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}

export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor into a key of the expected shape ('s' string, 'n' number per position). */
export function decodeCursor(cursor: string, shape: ('s' | 'n')[]): (string | number)[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(key) || key.length !== shape.length) throw new InvalidCursorError();
  key.forEach((v, i) => {
    if (shape[i] === 's' ? typeof v !== 'string' : typeof v !== 'number' || !Number.isFinite(v))
      throw new InvalidCursorError();
  });
  return key as (string | number)[];
}

/** Given limit+1 fetched rows, returns the page and the cursor built from its last row. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => (string | number)[],
  present: (row: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(present),
    next: more && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
