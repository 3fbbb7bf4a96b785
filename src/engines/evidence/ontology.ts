/**
 * The evidence event ontology: the case file's event types, each mapped to a PLOVER event type (and mode)
 * and a CAMEO code, following the PLOVER manual's boundary rules as summarised in
 * docs/models/ONTOLOGY.md §1.1 (future meetings are AGREE, announced withdrawals CONCEDE and
 * implemented ones RETREAT, cancelled meetings REJECT, halted talks SANCTION, declared ceasefires CONCEDE).
 * Goldstein scores are GDELT's for the CAMEO code (docs/models/ONTOLOGY.md §2.1).
 */
import { EventTypeSchema } from '../../case/schema.js';

type EventType = (typeof EventTypeSchema.options)[number];

/** Event types extracted from text: the case schema's `EventTypeSchema` without `statement`. */
export type EvidenceEventType = Exclude<EventType, 'statement'>;
export const EVIDENCE_EVENT_TYPES: readonly EvidenceEventType[] = EventTypeSchema.options.filter(
  (t): t is EvidenceEventType => t !== 'statement',
);

export type PloverEvent =
  | 'AGREE'
  | 'CONSULT'
  | 'SUPPORT'
  | 'CONCEDE'
  | 'COOPERATE'
  | 'AID'
  | 'RETREAT'
  | 'REQUEST'
  | 'ACCUSE'
  | 'REJECT'
  | 'THREATEN'
  | 'PROTEST'
  | 'SANCTION'
  | 'MOBILIZE'
  | 'COERCE'
  | 'ASSAULT';

/** One coded variant: what the trigger rules emit. */
export interface EventCoding {
  plover: PloverEvent;
  mode?: string;
  /** CAMEO code as a string (leading zeros kept). */
  cameo: string;
}

export interface EventTypeInfo {
  type: EvidenceEventType;
  description: string;
  /** Default coding; trigger rules may refine the CAMEO code and mode. */
  coding: EventCoding;
}

/** The documented ontology (README-style table in code, also exported for `redline evidence --help`). */
export const EVENT_TYPES: Record<EvidenceEventType, EventTypeInfo> = {
  meet: {
    type: 'meet',
    description: 'meetings, visits, talks, negotiations, mediation',
    coding: { plover: 'CONSULT', cameo: '040' },
  },
  consult: {
    type: 'consult',
    description: 'phone calls, briefings, consultations at a distance',
    coding: { plover: 'CONSULT', mode: 'phone', cameo: '041' },
  },
  propose: {
    type: 'propose',
    description: 'putting forward a plan, framework, offer or terms',
    coding: { plover: 'AGREE', cameo: '037' },
  },
  demand: {
    type: 'demand',
    description: 'demands, calls, ultimatum-free requests for action',
    coding: { plover: 'REQUEST', mode: 'change', cameo: '100' },
  },
  agree: {
    type: 'agree',
    description: 'agreeing to or accepting terms, reaching or signing a deal',
    coding: { plover: 'AGREE', cameo: '030' },
  },
  reject: {
    type: 'reject',
    description: 'rejecting proposals, refusing demands, cancelling meetings',
    coding: { plover: 'REJECT', mode: 'yield', cameo: '120' },
  },
  accuse: {
    type: 'accuse',
    description: 'accusations, criticism, condemnation, investigations',
    coding: { plover: 'ACCUSE', mode: 'allege', cameo: '112' },
  },
  threaten: {
    type: 'threaten',
    description: 'threats of force, sanctions, walking away; ultimatums',
    coding: { plover: 'THREATEN', cameo: '130' },
  },
  support: {
    type: 'support',
    description: 'praise, endorsement, backing, welcoming',
    coding: { plover: 'SUPPORT', cameo: '051' },
  },
  concede: {
    type: 'concede',
    description: 'concessions: easing demands or sanctions, releasing prisoners, withdrawing',
    coding: { plover: 'CONCEDE', cameo: '080' },
  },
  sanction: {
    type: 'sanction',
    description: 'imposing sanctions, halting talks, cutting ties or aid',
    coding: { plover: 'SANCTION', mode: 'discontinue', cameo: '163' },
  },
  aid: {
    type: 'aid',
    description: 'military, economic or humanitarian aid delivered',
    coding: { plover: 'AID', cameo: '070' },
  },
  attack: {
    type: 'attack',
    description: 'strikes, shelling, drone and missile attacks, offensives',
    coding: { plover: 'ASSAULT', cameo: '190' },
  },
  ceasefire: {
    type: 'ceasefire',
    description: 'declaring or agreeing a ceasefire or truce',
    coding: { plover: 'CONCEDE', cameo: '0871' },
  },
  cooperate: {
    type: 'cooperate',
    description: 'material cooperation: joint exercises, intelligence sharing, joint operations, trade',
    coding: { plover: 'COOPERATE', cameo: '060' },
  },
  retreat: {
    type: 'retreat',
    description: 'implemented concessions: releases, withdrawals, disarming, observing a truce, access',
    coding: { plover: 'RETREAT', cameo: '084' },
  },
  protest: {
    type: 'protest',
    description: 'collective protest: demonstrations, strikes, riots, blockades, hunger strikes, boycotts',
    coding: { plover: 'PROTEST', mode: 'demo', cameo: '141' },
  },
  mobilize: {
    type: 'mobilize',
    description: 'military or police moves short of force: deployments, alerts, call-ups, weapons tests',
    coding: { plover: 'MOBILIZE', mode: 'troops', cameo: '150' },
  },
  coerce: {
    type: 'coerce',
    description: 'repression short of violence: arrests, seizures, curfews, censorship, deportations',
    coding: { plover: 'COERCE', cameo: '170' },
  },
  other: {
    type: 'other',
    description: 'anything else a reviewer records by hand',
    coding: { plover: 'MOBILIZE', cameo: '150' },
  },
};

/** GDELT Goldstein score by CAMEO code for the codes this ontology emits (root score as fallback). */
export const GOLDSTEIN: Record<string, number> = {
  '030': 4.0,
  '036': 4.0,
  '037': 5.0,
  '0356': 7.0,
  '033': 5.2,
  '040': 1.0,
  '041': 1.0,
  '042': 1.9,
  '043': 2.8,
  '044': 2.5,
  '045': 5.0,
  '046': 7.0,
  '051': 3.4,
  '057': 8.0,
  '080': 5.0,
  '081': 5.0,
  '084': 7.0,
  '0841': 7.0,
  '0871': 9.0,
  '0874': 10.0,
  '100': -5.0,
  '1056': -5.0,
  '106': -5.0,
  '111': -2.0,
  '112': -2.0,
  '120': -4.0,
  '125': -5.0,
  '127': -5.0,
  '130': -4.4,
  '134': -5.8,
  '138': -7.0,
  '139': -7.0,
  '150': -7.2,
  '163': -8.0,
  '164': -7.0,
  '070': 7.0,
  '071': 7.4,
  '072': 8.3,
  '073': 7.4,
  '060': 6.0,
  '062': 6.4,
  '064': 7.0,
  '141': -6.5,
  '143': -6.5,
  '144': -7.5,
  '145': -7.5,
  '170': -7.0,
  '171': -9.2,
  '172': -5.0,
  '173': -5.0,
  '174': -5.0,
  '175': -9.0,
  '190': -10.0,
  '194': -10.0,
  '195': -10.0,
  '196': -9.5,
};
const ROOT_GOLDSTEIN = [0, 0, 3, 4, 1, 3.5, 6, 7, 5, -2, -5, -2, -4, -6, -6.5, -7.2, -4, -7, -9, -10, -10];

export function goldstein(cameo: string): number {
  return GOLDSTEIN[cameo] ?? ROOT_GOLDSTEIN[Number(cameo.slice(0, 2))] ?? 0;
}

/** GDELT QuadClass from the PLOVER type's quad category (docs/models/ONTOLOGY.md §1.1 table). */
export function quadClass(plover: PloverEvent): 1 | 2 | 3 | 4 {
  switch (plover) {
    case 'AGREE':
    case 'CONSULT':
    case 'SUPPORT':
    case 'CONCEDE':
      return 1;
    case 'COOPERATE':
    case 'AID':
    case 'RETREAT':
      return 2;
    case 'REQUEST':
    case 'ACCUSE':
    case 'REJECT':
    case 'THREATEN':
      return 3;
    default:
      return 4;
  }
}
