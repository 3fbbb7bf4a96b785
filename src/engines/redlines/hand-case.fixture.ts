/**
 * A small hand-checkable case shared by the red-line engine tests. Two veto players (A, B) and a bystander
 * (C) on a continuous issue "land" (status quo 50) and an options issue "bloc" (join 0, open 50, ban 100;
 * status quo open).
 */
import { buildCase } from '../../case/testing.js';

export function handCase() {
  return buildCase({
    actors: [
      { id: 'a', name: 'Alpha', kind: 'state', veto: true, capability: 2 },
      { id: 'b', name: 'Beta', kind: 'state', veto: true, capability: 1 },
      { id: 'c', name: 'Gamma', kind: 'state', capability: 1 },
    ],
    issues: [
      {
        id: 'land',
        name: 'Land',
        scale: { kind: 'continuous' },
        statusQuo: { position: 50, date: '2025-01-01' },
      },
      {
        id: 'bloc',
        name: 'Bloc',
        scale: {
          kind: 'options',
          options: [
            { id: 'join', label: 'Join', value: 0 },
            { id: 'open', label: 'Open', value: 50 },
            { id: 'ban', label: 'Ban', value: 100 },
          ],
        },
        statusQuo: { position: 'open', date: '2025-01-01' },
      },
    ],
    stances: [
      { actor: 'a', issue: 'land', date: '2025-01-01', position: 100, salience: 80, redLine: { min: 60 } },
      { actor: 'b', issue: 'land', date: '2025-01-01', position: 0, salience: 40, redLine: { max: 40 } },
      {
        actor: 'a',
        issue: 'bloc',
        date: '2025-01-01',
        position: 'ban',
        salience: 50,
        redLine: { options: ['ban'] },
      },
      {
        actor: 'b',
        issue: 'bloc',
        date: '2025-01-01',
        position: 'join',
        salience: 60,
        redLine: { options: ['join', 'open'] },
      },
      { actor: 'c', issue: 'bloc', date: '2025-01-01', position: 'open', salience: 20 },
      // A later stance of B: it softens on land from June.
      { actor: 'b', issue: 'land', date: '2025-06-01', position: 20, salience: 40, redLine: { max: 70 } },
    ],
    proposals: [
      {
        id: 'p1',
        title: 'Plan one',
        kind: 'plan',
        date: '2025-02-01',
        points: [
          { number: 1, summary: 'Land split at seventy', settles: [{ issue: 'land', position: 70 }] },
          { number: 2, summary: 'Bloc membership banned', settles: [{ issue: 'bloc', position: 'ban' }] },
          { number: 3, summary: 'Prisoner exchange of all detainees' },
        ],
      },
      {
        id: 'p2',
        title: 'Plan two',
        kind: 'plan',
        date: '2025-03-01',
        supersedes: 'p1',
        points: [
          { number: 1, summary: 'Land split at thirty', settles: [{ issue: 'land', position: 30 }] },
          { number: 2, summary: 'Prisoner exchange of all detainees and bodies' },
          { number: 3, summary: 'Reconstruction fund' },
        ],
      },
    ],
  });
}
