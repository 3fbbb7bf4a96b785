import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeIf, NEEDS } from '../support/requirements.js';
import { cameoToPlover, loadPetr2, PETR2_FILE, runPetr2 } from '../../src/adapters/cli/eval-evidence.js';

// The PETR2 validation records (../shared, third-party text read at run time, never copied): converted to
// the gold format at PLOVER level. Expected figures come from the file itself (78 records) and the
// conversion table's rows (e.g. CAMEO 042 → CONSULT, 190 → ASSAULT, 015 has no PLOVER event).
const TABLE = new URL('../../../shared/reference/events/CAMEO2PLOVER-2021.txt', import.meta.url);

describeIf(existsSync(PETR2_FILE) && existsSync(TABLE), NEEDS.shared('../shared/reference/events'))(
  'PETR2 development set',
  () => {
    const table = cameoToPlover(readFileSync(TABLE, 'utf8'));
    it('maps CAMEO codes to PLOVER events as the shipped table does', () => {
      expect(table.get('042')).toBe('CONSULT');
      expect(table.get('190')).toBe('ASSAULT');
      expect(table.get('0841')).toBe('RETREAT');
      expect(table.get('015')).toBeUndefined();
    });
    it('converts all 78 records, with states as case actors', () => {
      const part = loadPetr2(readFileSync(PETR2_FILE, 'utf8'), table);
      expect(part.items).toHaveLength(78);
      const first = part.items[0]!;
      expect(first.events).toEqual([{ type: 'CONSULT', actors: ['usa'], targets: ['chn'] }]);
      expect(JSON.parse(part.caseText).actors).toContainEqual({
        id: 'usa',
        name: 'United States',
        kind: 'state',
      });
    });
    it('is scored by the evaluation', () => {
      const r = runPetr2()!;
      expect(r.items).toHaveLength(78);
      expect(r.report.events.total.tp + r.report.events.total.fn).toBeGreaterThan(60);
    });
  },
);
