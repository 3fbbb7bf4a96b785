/**
 * The dashboard talks to the HTTP API only. From src/ it imports types (the contract's and the core's), and
 * run-time code only from the pure, dependency-free modules listed here; never anything from src/adapters.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('.', import.meta.url));
/** Pure core modules with no run-time dependencies: the core's resolution and the job states. */
const RUNTIME_ALLOWED = ['src/case/resolve.js', 'src/contract/job-status.js'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('web/src import boundaries', () => {
  it('imports from src/ with `import type`, run-time code only from the allowed pure modules, never adapters', () => {
    const offending: string[] = [];
    for (const f of files(WEB)) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
        const spec = m[3]!;
        if (!/^(\.\.\/)+src\//.test(spec) && !spec.includes('/src/index')) continue;
        const runtimeOk = RUNTIME_ALLOWED.some((allowed) => spec.endsWith(allowed));
        if (spec.includes('adapters') || (!m[2] && !runtimeOk))
          offending.push(`${f}: ${m[0].split('\n')[0]}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('never injects HTML with dangerouslySetInnerHTML', () => {
    const hits = files(WEB).filter((f) => readFileSync(f, 'utf8').includes('dangerouslySetInnerHTML'));
    expect(hits).toEqual([]);
  });
});
