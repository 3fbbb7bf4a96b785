/** Test helper: reads CSV fixtures of fixtures/bargaining/ (tests only; the engine itself does no I/O). */
/* eslint-disable no-restricted-imports -- a test helper: reads fixture files, never imported by the engine. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../fixtures/bargaining/', import.meta.url));

/** Rows of a simple comma-separated fixture (no quoted commas), keyed by the header. */
export function readCsvFixture(relative: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(ROOT + relative, 'utf8')
    .trim()
    .split(/\r?\n/);
  const keys = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, k) => [keys[k]!, v])));
}

export function readTextFixture(relative: string): string {
  return readFileSync(ROOT + relative, 'utf8');
}

/** The emission-standards inputs (BDM 1994 Table 1), salience scaled to 0–1. */
export function emissionInputs(): { names: string[]; x: number[]; c: number[]; s: number[] } {
  const rows = readCsvFixture('bdm-emission/emission_standards_bdm1994_inputs.csv');
  return {
    names: rows.map((r) => r.actor!),
    x: rows.map((r) => Number(r.position_years)),
    c: rows.map((r) => Number(r.capability)),
    s: rows.map((r) => Number(r.salience_0_100) / 100),
  };
}
