/**
 * Scoring extraction against a gold set: precision, recall and F1 per event type and per claim direction,
 * micro-averaged totals, and on matched items the accuracy of targets, red-line flags and positions.
 * An event matches on (item, type, actor set); for meet and consult, which PLOVER codes reciprocally, the
 * set is actors ∪ targets. A claim matches on (item, actor, issue, direction).
 * `reliability` bins the predictions' confidences against observed precision (calibration).
 */
import type { StanceClaim } from './claims.js';
import type { EvidenceEvent } from './events.js';

export interface GoldEvent {
  type: string;
  actors: string[];
  targets?: string[];
  /** PLOVER mode, where the text makes it clear; scored on matched events only. */
  mode?: string;
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
  /** Gold red-line claims, how many were matched with the flag, and flags on claims gold has without one. */
  redLines: { gold: number; found: number; invented: number };
  targetAccuracy: number | null;
  /** Share of matched events with a gold `mode` whose predicted mode is the same. */
  modeAccuracy: number | null;
  /** Every scored prediction with its confidence: the input of the reliability table. */
  scored: Array<{ kind: 'event' | 'claim'; confidence: number; correct: boolean }>;
  errors: Array<{ item: string; kind: 'event' | 'claim'; error: 'missed' | 'spurious'; key: string }>;
}

const SYMMETRIC = new Set(['meet', 'consult', 'CONSULT']);

export function eventKey(type: string, actors: string[], targets: string[] = []): string {
  const set = SYMMETRIC.has(type) ? [...actors, ...targets] : actors;
  return `${type}|${[...new Set(set)].sort().join('+')}`;
}

/**
 * How events are matched: `actors` on (type, the whole actor set) as above; `source` on (type, one source
 * actor), one key per source actor, the scoring of wire-coded data where each record has one source
 * ("event type + source actor"); for reciprocal types every participant counts as a source.
 */
export type EventKeying = 'actors' | 'source';

function eventKeys(type: string, actors: string[], targets: string[], keying: EventKeying): string[] {
  if (keying === 'actors') return [eventKey(type, actors, targets)];
  const set = SYMMETRIC.has(type) ? [...actors, ...targets] : actors;
  return [...new Set(set)].map((a) => `${type}|${a}`);
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
  /** The label a prediction is scored under: the case type by default, `(e) => e.plover` for PLOVER gold. */
  typeOf: (e: EvidenceEvent) => string = (e) => e.type,
  keying: EventKeying = 'actors',
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
  const redLines = { gold: 0, found: 0, invented: 0 };
  let modeChecked = 0;
  let modeRight = 0;
  const scored: EvaluationReport['scored'] = [];

  for (const item of items) {
    const pred = predicted.get(item.id) ?? { events: [], claims: [] };
    const goldEvents = new Map<string, GoldEvent>();
    for (const e of item.events)
      for (const key of eventKeys(e.type, parties(e.actors), parties(e.targets), keying))
        if (!goldEvents.has(key)) goldEvents.set(key, e);
    const predEvents = new Map<string, EvidenceEvent>();
    for (const e of pred.events)
      for (const key of eventKeys(typeOf(e), e.actors.map(who), e.targets.map(who), keying))
        if (!predEvents.has(key)) predEvents.set(key, e);
    for (const [key, e] of predEvents) {
      const type = key.split('|')[0]!;
      const gold = goldEvents.get(key);
      scored.push({ kind: 'event', confidence: e.confidence, correct: gold !== undefined });
      if (gold) {
        bump(ev, type, 0);
        if (gold.mode) {
          modeChecked++;
          if (e.mode === gold.mode) modeRight++;
        }
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
      scored.push({ kind: 'claim', confidence: c.confidence, correct: gold !== undefined });
      if (c.redLine && !gold?.redLine) redLines.invented++;
      if (c.redLine && gold?.redLine) redLines.found++;
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
    redLines.gold += item.claims.filter((c) => c.redLine).length;
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
    redLines,
    targetAccuracy: targetsChecked ? targetsRight / targetsChecked : null,
    modeAccuracy: modeChecked ? modeRight / modeChecked : null,
    scored,
    errors,
  };
}

export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  correct: number;
  precision: number | null;
  meanConfidence: number | null;
}

/** Predictions binned by confidence with the share that matched gold in each bin (a reliability table). */
export function reliability(
  scored: EvaluationReport['scored'],
  edges: readonly number[] = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001],
): ReliabilityBin[] {
  const bins: ReliabilityBin[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i]!;
    const to = edges[i + 1]!;
    const inBin = scored.filter((s) => s.confidence >= from && s.confidence < to);
    const correct = inBin.filter((s) => s.correct).length;
    const sum = inBin.reduce((a, s) => a + s.confidence, 0);
    bins.push({
      from,
      to: Math.min(1, to),
      n: inBin.length,
      correct,
      precision: inBin.length ? correct / inBin.length : null,
      meanConfidence: inBin.length ? sum / inBin.length : null,
    });
  }
  return bins;
}
