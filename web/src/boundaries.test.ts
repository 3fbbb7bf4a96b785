/** The dashboard talks to the HTTP API only: it may import types from src/, never runtime code or adapters. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('.', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('web/src import boundaries', () => {
  it('imports from src/ only with `import type`, and never from src/adapters', () => {
    const offending: string[] = [];
    for (const f of files(WEB)) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
        const spec = m[3]!;
        if (!/^(\.\.\/)+src\//.test(spec) && !spec.includes('/src/index')) continue;
        if (spec.includes('adapters') || !m[2]) offending.push(`${f}: ${m[0].split('\n')[0]}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('never injects HTML with dangerouslySetInnerHTML', () => {
    const hits = files(WEB).filter((f) => readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML'));
    expect(hits).toEqual([]);
  });
});
