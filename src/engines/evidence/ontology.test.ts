import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, goldstein, quadClass, type PloverEvent } from './ontology.js';
import { TRIGGERS } from './triggers.js';

// CAMEO code → PLOVER type pairs of the 2021 conversion table (fixtures/events/SOURCE.md).
const TABLE = new URL('../../../fixtures/events/cameo-plover-2021.tsv', import.meta.url);

/** Every (CAMEO code, PLOVER type) pair the rules can emit. */
function emitted(): Array<[string, PloverEvent]> {
  const out: Array<[string, PloverEvent]> = [];
  for (const info of Object.values(EVENT_TYPES)) out.push([info.coding.cameo, info.coding.plover]);
  for (const r of TRIGGERS) {
    const plover = r.plover ?? EVENT_TYPES[r.type].coding.plover;
    if (r.cameo) out.push([r.cameo, r.future && r.cameo.startsWith('03') ? 'AGREE' : plover]);
    for (const [, x] of r.refine ?? []) out.push([x.cameo, x.plover ?? plover]);
  }
  // Future forms (events.ts): meetings and aid pledges become AGREE, future force a threat.
  out.push(['036', 'AGREE'], ['033', 'AGREE'], ['138', 'THREATEN'], ['130', 'THREATEN']);
  return out;
}

/**
 * Where the 2021 conversion table (manual draft 0.8) and the current manual (2.0, docs/models/ONTOLOGY.md §1.1) disagree,
 * the rules follow the manual: a declared ceasefire is CONCEDE (the table says RETREAT) and international
 * sanctions are SANCTION (the table codes 163 as COERCE).
 */
const MANUAL_OVER_TABLE: Record<string, PloverEvent> = { '0871': 'CONCEDE', '163': 'SANCTION' };

describe('CAMEO → PLOVER mapping against the reference conversion table', () => {
  const table = new Map<string, string>();
  for (const line of readFileSync(TABLE, 'utf8').trim().split('\n').slice(1)) {
    const [cameo, plover] = line.split('\t');
    table.set(cameo!, plover!);
  }
  it('maps every emitted CAMEO code to the table’s PLOVER type (or the documented manual exception)', () => {
    for (const [cameo, plover] of emitted()) {
      const expected = MANUAL_OVER_TABLE[cameo] ?? table.get(cameo) ?? table.get(cameo.slice(0, 3));
      if (cameo === '0871' && plover === 'RETREAT') continue; // an observed ceasefire is RETREAT in the manual too
      expect({ cameo, plover }).toEqual({ cameo, plover: expected });
    }
  });
});

describe('Goldstein and QuadClass', () => {
  it('uses GDELT’s code scores and falls back to the root score (docs/models/ONTOLOGY.md §2.1)', () => {
    expect(goldstein('046')).toBe(7.0);
    expect(goldstein('0871')).toBe(9.0);
    expect(goldstein('1041')).toBe(-5.0); // root 10
  });
  it('takes the quad category of the PLOVER type', () => {
    expect([quadClass('CONSULT'), quadClass('AID'), quadClass('REJECT'), quadClass('ASSAULT')]).toEqual([
      1, 2, 3, 4,
    ]);
  });
});
