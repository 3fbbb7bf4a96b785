/** Imports the bundled example case when the store holds no case yet (first start). */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseCase, formatIssue } from '../../index.js';
import type { Store } from '../store/index.js';

export const EXAMPLE_CASE = fileURLToPath(
  new URL('../../../examples/ukraine-2025/case.yaml', import.meta.url),
);

/** Returns the id of the imported case, or null when nothing was imported (with the reason). */
export async function seedExample(
  store: Store,
  file = EXAMPLE_CASE,
): Promise<{ imported: string | null; reason?: string }> {
  if ((await store.cases.count()) > 0) return { imported: null, reason: 'the store already holds cases' };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { imported: null, reason: `no example case at ${file}` };
  }
  const r = parseCase(text);
  if (!r.ok)
    return {
      imported: null,
      reason: `the example case is invalid:\n${r.issues.map(formatIssue).join('\n')}`,
    };
  try {
    await store.cases.create(r.case.id, {
      title: r.case.title,
      yaml: text,
      case: r.case,
      message: 'imported the bundled example',
      author: 'redline',
    });
  } catch (e) {
    // Another process seeding at the same moment is fine.
    return { imported: null, reason: e instanceof Error ? e.message : String(e) };
  }
  return { imported: r.case.id };
}
