/**
 * Trigger rules from the generated lexicon (data/lexicon.generated.ts: seed words per event type expanded
 * through WordNet 3.1 at build time, with every word form). They widen the hand-written rules of
 * triggers.ts, which win where both match the same words; a lexicon hit is less certain (no object test),
 * so it starts at a lower confidence. Nouns make nominal events ("Israeli strikes", "talks between X and
 * Y", "sanctions against X") whose source comes from a possessor, an adjacent modifier or a by-phrase.
 */
import { LEXICON, type LexiconEntry } from './data/lexicon.generated.js';
import type { EvidenceEventType } from './ontology.js';
import type { TriggerRule } from './triggers.js';

/** CAMEO code of a (type, mode) pair, from ../shared/reference/events/CAMEO2PLOVER-2021.txt rows. */
const CAMEO_FOR_MODE: Record<string, Record<string, string>> = {
  coerce: {
    arrest: '173',
    seize: '171',
    deport: '174',
    curfew: '1723',
    'martial-law': '1724',
    censor: '1721',
  },
  protest: { demo: '141', hunger: '142', boycott: '143', obstruct: '144', riot: '145' },
  attack: {
    abduct: '181',
    firearms: '193',
    'heavy-weapons': '194',
    aerial: '195',
    drone: '195',
    targeted: '186',
    sexual: '182',
  },
  retreat: { release: '0841', withdraw: '0874', disarm: '0873' },
  meet: { visit: '042' },
  consult: { phone: '041' },
  sanction: { expel: '166' },
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

function rulesFor(type: string, entries: readonly LexiconEntry[], nominal: boolean): TriggerRule[] {
  // One rule per mode so each hit carries the mode its word implies.
  const byMode = new Map<string, string[]>();
  for (const e of entries) {
    const k = e.mode ?? '';
    byMode.set(k, [...(byMode.get(k) ?? []), ...e.forms]);
  }
  const out: TriggerRule[] = [];
  for (const [mode, forms] of byMode) {
    const cameo = mode ? CAMEO_FOR_MODE[type]?.[mode] : undefined;
    out.push({
      type: type as EvidenceEventType,
      phrase: [...new Set(forms)]
        .sort((a, b) => b.length - a.length)
        .map(escape)
        .join('|'),
      ...(mode ? { mode } : {}),
      ...(cameo ? { cameo } : {}),
      lexicon: true,
      ...(nominal ? { nominal: true } : {}),
    });
  }
  return out;
}

export const LEXICON_VERSION = LEXICON.version;

/** Verb and noun rules for every event type of the lexicon. */
export const LEXICON_TRIGGERS: TriggerRule[] = Object.entries(LEXICON.types).flatMap(([type, t]) => [
  ...rulesFor(type, t.verbs, false),
  ...rulesFor(type, t.nouns, true),
]);

/** Red-line cue words ("non-negotiable", "indispensable", "precondition") as one case-insensitive regex. */
export const RED_LINE_CUES = new RegExp(
  `\\b(?:${LEXICON.redLine
    .filter((w) => !['condition', 'essential', 'irreversible'].includes(w))
    .map((w) => (w === 'nonnegotiable' ? 'non-?negotiable' : escape(w)))
    .join('|')})\\b`,
  'i',
);
