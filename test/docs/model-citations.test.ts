/**
 * The code cites the model documentation in docs/models/ by section ("docs/models/SMP.md §7.2"): every
 * cited file exists in the repository and has the cited section as a heading.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f === 'dist') return [];
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|md)$/.test(f) ? [p] : [];
  });
}

describe('citations of docs/models', () => {
  const sources = ['src', 'web/src', 'test', 'bench', 'docs'].flatMap((d) => files(join(ROOT, d)));
  const cites = sources.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/docs\/models\/([\w-]+\.md)(?: ?§ ?(\d+(?:\.\d+)*))?/g)].map(
      (m) => ({ from: f.slice(ROOT.length), doc: m[1]!, section: m[2] }),
    ),
  );

  it('finds the citations (the code does cite the model documents)', () => {
    expect(cites.length).toBeGreaterThan(50);
  });

  it('cites only files and sections that exist', () => {
    const missing = cites.filter(({ doc, section }) => {
      let text: string;
      try {
        text = readFileSync(join(ROOT, 'docs/models', doc), 'utf8');
      } catch {
        return true;
      }
      if (!section) return false;
      const heading = new RegExp(`^#{2,3} ${section.replace(/\./g, '\\.')}[. ]`, 'm');
      return !heading.test(text);
    });
    expect(missing.map((m) => `${m.from}: ${m.doc} §${m.section ?? ''}`)).toEqual([]);
  });
});
