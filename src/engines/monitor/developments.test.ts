import { describe, expect, it } from 'vitest';
import { handCase } from '../redlines/hand-case.fixture.js';
import type { StanceClaim } from '../evidence/claims.js';
import type { EvidenceEvent } from '../evidence/events.js';
import {
  assessDevelopments,
  combinedConfidence,
  mergeDevelopment,
  type ObservedArticle,
  type ObservedClaim,
  type ObservedEvent,
} from './developments.js';

// Hand case (src/engines/redlines/hand-case.fixture.ts): Alpha (veto) on land at 100, salience 80, red line
// ≥ 60; Beta (veto) on land at 0 from January and at 20 from June (salience 40, red line ≤ 70 from June);
// Gamma (no veto) has no land stance.
const c = handCase();
const article = (docId: string, clusterId = docId, date = '2025-07-01'): ObservedArticle => ({
  docId,
  clusterId,
  date,
  title: `Article ${docId}`,
});
let n = 0;
function claim(
  actor: string,
  direction: StanceClaim['direction'],
  value: number | undefined,
  confidence: number,
  art: ObservedArticle,
  extra: Partial<StanceClaim> = {},
): ObservedClaim {
  n++;
  return {
    id: `c-${n}`,
    article: art,
    claim: {
      actor,
      actorText: actor,
      issue: 'land',
      direction,
      ...(value !== undefined ? { value, position: value } : {}),
      redLine: false,
      sentence: 0,
      trigger: { start: 0, end: 5, text: direction },
      quote: { start: 0, end: 20, text: `${actor} ${direction} ${value ?? ''}` },
      confidence,
      ...extra,
    },
  };
}
function event(
  type: EvidenceEvent['type'],
  actors: string[],
  targets: string[],
  confidence: number,
  art: ObservedArticle,
): ObservedEvent {
  n++;
  const party = (a: string) => ({ actor: a, text: a, start: 0, end: 1 });
  return {
    id: `e-${n}`,
    article: art,
    event: {
      type,
      plover: 'CEASEFIRE' as EvidenceEvent['plover'],
      cameo: '0871',
      goldstein: 9,
      quadClass: 1,
      tense: 'past',
      actors: actors.map(party),
      targets: targets.map(party),
      datePrecision: 'article',
      sentence: 0,
      trigger: { start: 0, end: 9, text: type },
      quote: { start: 0, end: 20, text: `${actors.join(' and ')} ${type}` },
      confidence,
    },
  };
}
const opts = { asOf: '2025-07-01', fallbackDate: '2025-07-02' };
const close = (x: number, y: number) => expect(x).toBeCloseTo(y, 10);

describe('developments', () => {
  it('a stance shift and a red-line crossing, grouped across two articles and ranked by salience × confidence', () => {
    const devs = assessDevelopments(
      c,
      {
        claims: [
          claim('a', 'accepts', 40, 0.8, article('d1')),
          claim('a', 'accepts', 40, 0.5, article('d2')),
          // a syndicated copy of d1 (same cluster): counts once, with its cluster's best confidence 0.9
          claim('a', 'accepts', 40, 0.9, article('d3', 'd1')),
        ],
        events: [],
      },
      opts,
    );
    expect(devs.map((d) => d.kind)).toEqual(['red_line_signal', 'stance_shift']);
    const [red, shift] = devs;
    // confidence = 1 − (1 − 0.9)(1 − 0.5) = 0.95 for both
    close(red!.confidence, 0.95);
    close(shift!.confidence, 0.95);
    // red line: kind 1 × veto 1 × stance salience 0.8 = 0.8; score 0.8 × 0.95 = 0.76
    close(red!.salience, 0.8);
    close(red!.score, 0.76);
    // shift of 60 points (100 → 40): 0.9 × 1 × 0.8 × (0.5 + 0.5 × min(1, 60/50)) = 0.72; × 0.95 = 0.684
    close(shift!.salience, 0.72);
    close(shift!.score, 0.684);
    expect(red!.evidence.map((l) => l.itemId).sort()).toEqual(['c-1', 'c-2', 'c-3']);
    expect(red!.summary).toMatch(/outside its recorded red line/);
    expect(shift!.actor).toBe('a');
    expect(shift!.issue).toBe('land');
  });

  it('reads the case as of the date given: rejecting its own latest position is a shift only after June', () => {
    const rej = claim('b', 'rejects', 20, 0.7, article('d4'));
    const july = assessDevelopments(c, { claims: [rej], events: [] }, opts);
    expect(july).toHaveLength(1);
    // 0.9 × veto 1 × salience 0.4 × full factor 1 = 0.36; × 0.7 = 0.252
    close(july[0]!.salience, 0.36);
    close(july[0]!.score, 0.252);
    // In May Beta stood at 0: rejecting 20 (20 points away) contradicts nothing.
    expect(assessDevelopments(c, { claims: [rej], events: [] }, { ...opts, asOf: '2025-05-01' })).toEqual([]);
  });

  it('a small move is no shift; a position near the red-line bound is at its edge', () => {
    expect(
      assessDevelopments(c, { claims: [claim('b', 'accepts', 25, 0.9, article('d5'))], events: [] }, opts),
    ).toEqual([]);
    const devs = assessDevelopments(
      c,
      { claims: [claim('b', 'accepts', 68, 0.5, article('d6'))], events: [] },
      opts,
    );
    const edge = devs.find((d) => d.kind === 'red_line_signal')!;
    expect(edge.summary).toMatch(/at the edge of/);
    close(edge.salience, 0.4); // 1 × 1 × 0.4
    const shift = devs.find((d) => d.kind === 'stance_shift')!;
    close(shift.salience, 0.9 * 0.4 * (0.5 + 0.5 * (48 / 50))); // 0.3528
    close(shift.score, 0.3528 * 0.5);
  });

  it('first mentions: a case actor without a stance, and an actor the case does not list', () => {
    const devs = assessDevelopments(
      c,
      {
        claims: [
          claim('c', 'demands', 30, 0.6, article('d7')),
          claim('RUS', 'rejects', undefined, 1, article('d8')),
        ],
        events: [],
      },
      opts,
    );
    // Gamma: 0.5 × case actor 0.6 × unknown issue 0.5 × confidence 0.6 = 0.09;
    // RUS: 0.5 × unknown actor 0.4 × 0.5 × confidence 1 = 0.1, so it ranks first.
    expect(devs.map((d) => [d.kind, d.actor])).toEqual([
      ['first_mention', 'RUS'],
      ['first_mention', 'c'],
    ]);
    close(devs[0]!.score, 0.1);
    close(devs[1]!.score, 0.09);
  });

  it('red-line language alone is a signal', () => {
    const devs = assessDevelopments(
      c,
      {
        claims: [
          claim('a', 'rejects', undefined, 0.5, article('d9'), {
            redLine: true,
            trigger: { start: 0, end: 5, text: 'will never accept' },
          }),
        ],
        events: [],
      },
      opts,
    );
    expect(devs).toHaveLength(1);
    expect(devs[0]!.kind).toBe('red_line_signal');
    close(devs[0]!.score, 0.8 * 0.5);
  });

  it('key events need a veto player and a key type; undated ones take the run date', () => {
    const devs = assessDevelopments(
      c,
      {
        claims: [],
        events: [
          event('ceasefire', ['a'], ['b'], 0.5, article('d10')),
          event('ceasefire', ['b'], ['a'], 0.6, article('d11')),
          event('meet', ['a'], ['b'], 0.9, article('d12')),
          event('attack', ['c'], [], 0.9, article('d13')),
          event('reject', ['b'], [], 0.5, { docId: 'd14', clusterId: 'd14' }),
        ],
      },
      opts,
    );
    expect(devs.map((d) => [d.kind, d.eventType, d.date])).toEqual([
      ['key_event', 'ceasefire', '2025-07-01'],
      ['key_event', 'reject', '2025-07-02'],
    ]);
    // both ceasefire reports name the same veto players on the same day: one development
    close(devs[0]!.confidence, 1 - 0.5 * 0.4);
    close(devs[0]!.score, 0.8 * 0.8);
    close(devs[1]!.score, 0.8 * 0.8 * 0.5);
  });

  it('merging later evidence into a recorded development is idempotent per item', () => {
    const [first] = assessDevelopments(
      c,
      { claims: [claim('b', 'rejects', 20, 0.7, article('d15'))], events: [] },
      opts,
    );
    const [later] = assessDevelopments(
      c,
      { claims: [claim('b', 'rejects', 20, 0.4, article('d16'))], events: [] },
      opts,
    );
    expect(later!.id).toBe(first!.id);
    const merged = mergeDevelopment(first!, later!);
    close(merged.confidence, 1 - 0.3 * 0.6);
    close(merged.score, 0.36 * (1 - 0.3 * 0.6));
    expect(mergeDevelopment(merged, later!)).toEqual(merged);
  });

  it('combined confidence is 1 − Π(1 − c) over clusters', () => {
    const l = (clusterId: string, confidence: number) => ({
      itemId: `${clusterId}${confidence}`,
      docId: clusterId,
      clusterId,
      quote: '',
      confidence,
    });
    close(combinedConfidence([l('x', 0.5), l('y', 0.5), l('x', 0.2)]), 0.75);
    expect(combinedConfidence([])).toBe(0);
  });
});
