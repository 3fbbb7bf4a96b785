/**
 * Scoring extraction against a gold set: precision, recall and F1 per event type and per claim direction,
 * micro-averaged totals, and on matched items the accuracy of targets, red-line flags and positions.
 * An event matches on (item, type, actor set); for meet and consult, which PLOVER codes reciprocally, the
 * set is actors ∪ targets. A claim matches on (item, actor, issue, direction).
 */
import type { StanceClaim } from './claims.js';
import type { EvidenceEvent } from './events.js';

export interface GoldEvent {
  type: string;
  actors: string[];
  targets?: string[];
}

export interface GoldClaim {
  actor: string;
  issue: string;
  direction: string;
  redLine?: boolean;
  position?: string | number;
}

export interface GoldItem {
  id: string;
  date?: string;
  text: string;
  events: GoldEvent[];
  claims: GoldClaim[];
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationReport {
  events: { total: Prf; byType: Record<string, Prf> };
  claims: {
    total: Prf;
    byDirection: Record<string, Prf>;
    redLineAccuracy: number | null;
    positionAccuracy: number | null;
  };
  targetAccuracy: number | null;
  errors: Array<{ item: string; kind: 'event' | 'claim'; error: 'missed' | 'spurious'; key: string }>;
}

const SYMMETRIC = new Set(['meet', 'consult']);

export function eventKey(type: string, actors: string[], targets: string[] = []): string {
  const set = SYMMETRIC.has(type) ? [...actors, ...targets] : actors;
  return `${type}|${[...new Set(set)].sort().join('+')}`;
}

export function claimKey(c: { actor: string; issue: string; direction: string }): string {
  return `${c.actor}|${c.issue}|${c.direction}`;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * `partyOf` maps an actor id to the party it is scored as (e.g. a leader to their state), applied to gold
 * and predictions alike; the default is the identity.
 */
export function evaluateExtraction(
  items: readonly GoldItem[],
  predicted: ReadonlyMap<string, { events: EvidenceEvent[]; claims: StanceClaim[] }>,
  partyOf: (id: string) => string = (id) => id,
): EvaluationReport {
  const who = (p: { actor?: string; code?: string }) => partyOf(p.actor ?? p.code ?? '?');
  const parties = (ids: string[] | undefined) => (ids ?? []).map(partyOf);
  const ev = new Map<string, [number, number, number]>();
  const cl = new Map<string, [number, number, number]>();
  const bump = (m: Map<string, [number, number, number]>, k: string, i: 0 | 1 | 2) => {
    const v = m.get(k) ?? [0, 0, 0];
    v[i]++;
    m.set(k, v);
  };
  const errors: EvaluationReport['errors'] = [];
  let targetsChecked = 0;
  let targetsRight = 0;
  let redChecked = 0;
  let redRight = 0;
  let posChecked = 0;
  let posRight = 0;

  for (const item of items) {
    const pred = predicted.get(item.id) ?? { events: [], claims: [] };
    const goldEvents = new Map(
      item.events.map((e) => [eventKey(e.type, parties(e.actors), parties(e.targets)), e]),
    );
    const predEvents = new Map<string, EvidenceEvent>();
    for (const e of pred.events) {
      const key = eventKey(e.type, e.actors.map(who), e.targets.map(who));
      if (!predEvents.has(key)) predEvents.set(key, e);
    }
    for (const [key, e] of predEvents) {
      const type = key.split('|')[0]!;
      const gold = goldEvents.get(key);
      if (gold) {
        bump(ev, type, 0);
        if (gold.targets && !SYMMETRIC.has(type)) {
          targetsChecked++;
          const p = [...new Set(e.targets.map(who))].sort().join('+');
          if (p === [...new Set(parties(gold.targets))].sort().join('+')) targetsRight++;
        }
      } else {
        bump(ev, type, 1);
        errors.push({ item: item.id, kind: 'event', error: 'spurious', key });
      }
    }
    for (const key of goldEvents.keys())
      if (!predEvents.has(key)) {
        bump(ev, key.split('|')[0]!, 2);
        errors.push({ item: item.id, kind: 'event', error: 'missed', key });
      }

    const goldClaims = new Map(item.claims.map((c) => [claimKey({ ...c, actor: partyOf(c.actor) }), c]));
    const predClaims = new Map(pred.claims.map((c) => [claimKey({ ...c, actor: partyOf(c.actor) }), c]));
    for (const [key, c] of predClaims) {
      const gold = goldClaims.get(key);
      if (gold) {
        bump(cl, c.direction, 0);
        if (gold.redLine !== undefined || c.redLine) {
          redChecked++;
          if ((gold.redLine ?? false) === c.redLine) redRight++;
        }
        if (gold.position !== undefined) {
          posChecked++;
          if (c.position === gold.position) posRight++;
        }
      } else {
        bump(cl, c.direction, 1);
        errors.push({ item: item.id, kind: 'claim', error: 'spurious', key });
      }
    }
    for (const [key, c] of goldClaims)
      if (!predClaims.has(key)) {
        bump(cl, c.direction, 2);
        errors.push({ item: item.id, kind: 'claim', error: 'missed', key });
      }
  }
  const table = (m: Map<string, [number, number, number]>) => {
    const out: Record<string, Prf> = {};
    let t = [0, 0, 0];
    for (const [k, [tp, fp, fn]] of [...m.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      out[k] = prf(tp, fp, fn);
      t = [t[0]! + tp, t[1]! + fp, t[2]! + fn];
    }
    return { byKey: out, total: prf(t[0]!, t[1]!, t[2]!) };
  };
  const e = table(ev);
  const c = table(cl);
  return {
    events: { total: e.total, byType: e.byKey },
    claims: {
      total: c.total,
      byDirection: c.byKey,
      redLineAccuracy: redChecked ? redRight / redChecked : null,
      positionAccuracy: posChecked ? posRight / posChecked : null,
    },
    targetAccuracy: targetsChecked ? targetsRight / targetsChecked : null,
    errors,
  };
}
