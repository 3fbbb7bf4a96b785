/**
 * Event trigger rules: verb phrases (with a required object where the verb alone is ambiguous) mapped to an
 * event type and, where the phrase says more, a finer CAMEO code and PLOVER mode (ontology.ts).
 * Phrases are regex sources matched case-insensitively (except explicit [A-Z] classes) on word boundaries.
 */
import type { EvidenceEventType, PloverEvent } from './ontology.js';

export interface TriggerRule {
  type: EvidenceEventType;
  /** Regex source for the trigger phrase. */
  phrase: string;
  /** The text right after the trigger (same clause) must match this, when set. */
  object?: RegExp;
  cameo?: string;
  plover?: PloverEvent;
  mode?: string;
  /** The phrase itself states intent ("agreed to a meeting", "pledged aid"): coded as a future event. */
  future?: boolean;
  /** Refines the coding from the clause text after the trigger. */
  refine?: Array<[RegExp, { cameo: string; plover?: PloverEvent; mode?: string }]>;
  /** From the generated lexicon (lexicon.ts) rather than written here: lower priority and confidence. */
  lexicon?: boolean;
  /** A noun: the event's source is its possessor, adjacent modifier or by-phrase agent. */
  nominal?: boolean;
}

const MILITARY_OBJECT =
  /^[^.;]{0,60}\b(?:weapons|arms|missiles?|ammunition|air[- ]defen[cs]e|tanks|jets|artillery|shells|military)\b/i;
const HUMANITARIAN_OBJECT = /^[^.;]{0,60}\b(?:humanitarian|food|medical|medicine|relief|shelter)\b/i;
const ECONOMIC_OBJECT =
  /^[^.;]{0,60}\b(?:loans?|funding|budget|financial|economic|billion|million|grants?)\b/i;
const TALKS_OBJECT =
  /^\s*(?:the\s+|all\s+|further\s+|its\s+|their\s+)?(?:\w+\s+)?(?:talks|negotiations|meeting|meetings|summit|dialogue|contacts)\b/i;
const PLAN_OBJECT =
  /^\s*(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+\s+|\w+-){0,5}(?:plan|proposal|framework|deal|offer|draft|terms|initiative|roadmap|agreement|accord|declaration|phase|memorandum|treaty|pact|communiqu[eé]|charter|protocol|conditions|demands|list|settlement|formula)\b/i;
const AID_OBJECT =
  /^[^.;]{0,60}\b(?:aid|weapons|arms|missiles|ammunition|air[- ]defen[cs]e\w*|funding|loans?|assistance|package|tanks|jets|systems|shells|relief|supplies)\b/i;
const AID_REFINE: TriggerRule['refine'] = [
  [MILITARY_OBJECT, { cameo: '072' }],
  [HUMANITARIAN_OBJECT, { cameo: '073' }],
  [ECONOMIC_OBJECT, { cameo: '071' }],
];
const TALKS_REFINE: TriggerRule['refine'] = [
  [/^[^.;]{0,50}\b(?:cease-?fire|truce|halt|stop|end to)\b/i, { cameo: '1056', mode: 'yield' }],
  [/^[^.;]{0,40}\b(?:talks|meeting|negotiations)\b/i, { cameo: '106', mode: 'meet' }],
  [
    /^[^.;]{0,50}\b(?:withdraw|withdrawal|cede|recogni[sz]|lift|release)\w*/i,
    { cameo: '100', mode: 'yield' },
  ],
];

export const TRIGGERS: TriggerRule[] = [
  // meet (CONSULT; future forms become AGREE 036 in events.ts)
  {
    type: 'meet',
    phrase:
      '(?:promised|pledged|vowed|agreed|offered)\\s+to\\s+(?:open|begin|start|resume|hold|launch)\\s+(?:direct\\s+|new\\s+|formal\\s+)?(?:talks|negotiations|a dialogue)',
    cameo: '036',
    future: true,
  },
  {
    type: 'meet',
    phrase:
      'met|meets|meet(?=\\s+(?:(?:with|in|on|at|for|next|this|later|again|face|the|his|her|their)\\b|[A-Z]))',
  },
  {
    type: 'meet',
    phrase:
      '(?:held|hold|holds|holding)\\s+(?:[\\w-]+\\s+){0,2}(?:talks|a meeting|meetings|a summit|discussions|negotiations|consultations)',
    cameo: '046',
  },
  {
    type: 'meet',
    phrase:
      'sat down with|sit down with|came together|convened|convenes|convene|gathered|gathers|gather(?=\\s+(?:in|at|for)\\b)',
    cameo: '040',
  },
  {
    type: 'meet',
    phrase: 'visited|visits(?=\\s+[A-Z])|visit(?=\\s+(?:to\\s+)?[A-Z])',
    cameo: '042',
    mode: 'visit',
  },
  {
    type: 'meet',
    phrase: '(?:travel|travels|travelled|traveled|travelling|traveling|flew|flies|fly)\\s+to(?=\\s+[A-Z])',
    cameo: '042',
    mode: 'visit',
  },
  { type: 'meet', phrase: 'hosted|hosts|hosting|will host', cameo: '043', mode: 'visit' },
  {
    type: 'meet',
    phrase:
      'negotiated with|negotiating with|negotiates with|engaged in (?:direct\\s+)?(?:talks|negotiations)',
    cameo: '046',
  },
  { type: 'meet', phrase: 'mediated|mediating|mediates|brokered talks', cameo: '045' },
  {
    type: 'meet',
    phrase: '(?:after|before|while|during)\\s+meeting(?:\\s+with)?(?=\\s+[A-Z])',
    cameo: '040',
  },
  {
    type: 'meet',
    phrase:
      '(?:agreed|agrees|agree)\\s+to\\s+(?:a|an|the|hold|new)\\s+(?:[\\w-]+\\s+){0,2}(?:meeting|summit|talks|round of talks|negotiations)',
    cameo: '036',
    future: true,
  },
  {
    type: 'meet',
    phrase: 'received|receives',
    object: /^\s+(?:[\w.'’-]+\s+){0,4}(?:[A-Z]|envoy|delegation|president|minister|counterpart)/,
    cameo: '043',
    mode: 'visit',
  },
  // consult
  {
    type: 'consult',
    phrase:
      '(?:co-?)?host(?:ed|s)?\\s+an?\\s+(?:video|phone|telephone|conference)\\s+call|(?:joined|joins|held|holds)\\s+an?\\s+(?:video|virtual)\\s+(?:call|conference|meeting)',
    cameo: '041',
    mode: 'phone',
  },
  {
    type: 'consult',
    phrase: '(?:spoke|speaks|talked|talks|speaking)\\s+(?:by|on the|over the)\\s+(?:phone|telephone)',
    cameo: '041',
    mode: 'phone',
  },
  {
    type: 'consult',
    phrase:
      '(?:held|had|holds)\\s+an?\\s+(?:phone|telephone|video)\\s+call|in an?\\s+(?:phone|telephone|video)\\s+call',
    cameo: '041',
    mode: 'phone',
  },
  {
    type: 'consult',
    phrase: 'phoned|called(?=\\s+(?:[A-Z]|his|her|their)\\w*(?!\\s+(?:for|on)\\b))',
    cameo: '041',
    mode: 'phone',
  },
  {
    type: 'consult',
    phrase: 'briefed|briefs|brief(?=\\s+(?:[A-Z]|the|his|her|their))|consulted|consults|consulting with',
    cameo: '040',
  },
  // propose
  {
    type: 'propose',
    phrase:
      'proposed|proposes|propose(?=\\s)|put forward|puts forward|unveiled|unveils|floated|floats|tabled|submitted|drafted|drew up',
    refine: [[/^[^.;]{0,40}\b(?:talks|meeting|summit|negotiations)\b/i, { cameo: '036' }]],
  },
  {
    type: 'propose',
    phrase: 'presented|presents|offered|offers|offer(?=\\s+(?:a|an|the)\\s)|suggested',
    object: PLAN_OBJECT,
  },
  {
    type: 'propose',
    phrase: 'offered|offers|offering|volunteered',
    object:
      /^\s+to\s+(?:host|mediate|meet|hold|facilitate|broker|monitor|guarantee|send|provide|supervise|oversee)\b/i,
    cameo: '039',
    refine: [[/^\s+to\s+(?:host|meet|hold)\b/i, { cameo: '036' }]],
  },
  // demand (REQUEST)
  {
    type: 'demand',
    phrase: 'demanded|demands|demand(?=\\s+(?:that|a|an|the|an end|full|its|their|his|her))|demanding',
    refine: TALKS_REFINE,
  },
  {
    type: 'demand',
    phrase:
      'called for|calls for|calling for|called on|calls on|urged|urges|urging|pressed for|presses for|pressing for|pushed for|pushes for|pushing for|appealed (?:to|for)|insisted on|insists on|insisting on|insisted that|insists that',
    refine: TALKS_REFINE,
  },
  {
    type: 'demand',
    phrase: 'asked|requested|requests',
    object: /^\s+(?:[\w.'’-]+\s+){0,4}?(?:for|to)\s/i,
    mode: 'assist',
  },
  // agree
  {
    type: 'agree',
    phrase: '(?:voted|moved|decided)\\s+to\\s+(?:ratify|approve|endorse|adopt)',
    object: PLAN_OBJECT,
    cameo: '030',
  },
  {
    type: 'agree',
    phrase: 'agreed|agrees|agree(?=\\s+(?:to|on)\\b)',
    object: /^\s+(?:to|on|that|in principle)\b/i,
  },
  {
    type: 'agree',
    phrase:
      '(?:reached|reach|struck|strike|clinched|sealed|finalised|finalized)\\s+(?:an?\\s+|the\\s+)?(?:[\\w-]+\\s+){0,2}(?:agreement|deal|understanding|accord|settlement)',
    cameo: '030',
  },
  {
    type: 'agree',
    phrase: 'signed|signs|sign(?=\\s+(?:a|an|the)\\s)',
    object: PLAN_OBJECT,
    cameo: '057',
    plover: 'SUPPORT',
  },
  { type: 'agree', phrase: 'accepted|accepts|approved', object: PLAN_OBJECT, cameo: '030' },
  // Ratifying or signing a concluded agreement is SUPPORT 057 in CAMEO/PLOVER.
  { type: 'agree', phrase: 'ratified|ratifies', object: PLAN_OBJECT, cameo: '057', plover: 'SUPPORT' },
  // reject
  {
    type: 'reject',
    phrase:
      'rejected|rejects|reject(?=\\s+(?:a|an|the|any|all|his|her|its|their)\\s)|rebuffed|rebuffs|dismissed|dismisses|ruled out|rules out|turned down|turns down|vetoed|spurned',
    refine: [
      [PLAN_OBJECT, { cameo: '127', mode: 'meet' }],
      [TALKS_OBJECT, { cameo: '125', mode: 'meet' }],
    ],
  },
  {
    type: 'reject',
    phrase: 'refused|refuses|declined(?=\\s+(?:to|an?|the)\\s)',
    refine: [[/^\s+to\s+(?:meet|attend|join|negotiate|talk|hold)/i, { cameo: '125', mode: 'meet' }]],
  },
  {
    type: 'reject',
    phrase: 'cancelled|canceled|called off|pulled out of|walked out of|boycotted|snubbed',
    object: TALKS_OBJECT,
    cameo: '125',
    mode: 'meet',
  },
  // accuse
  {
    type: 'accuse',
    phrase: 'accused|accuses|accusing|blamed|blames|blaming|charged(?=\\s+that)|alleged',
    mode: 'allege',
    cameo: '112',
  },
  {
    type: 'accuse',
    phrase:
      'condemned|condemns|condemning|criticised|criticized|criticises|criticizes|denounced|denounces|slammed|lambasted|rebuked',
    mode: 'disapprove',
    cameo: '111',
  },
  // threaten
  {
    type: 'threaten',
    phrase: 'threatened|threatens|threatening|threaten(?=\\s+to)',
    refine: [
      [
        /^[^.;]{0,40}\b(?:walk away|quit|halt|abandon|pull out|suspend)\b/i,
        { cameo: '134', mode: 'relations' },
      ],
      [
        /^[^.;]{0,60}\b(?:strike|attack|force|retaliat\w*|war|nuclear|missiles?|military)\b/i,
        { cameo: '138', mode: 'violence' },
      ],
      [/^[^.;]{0,40}\bsanctions?\b/i, { cameo: '130', mode: 'restrict' }],
    ],
  },
  {
    type: 'threaten',
    phrase: 'issued an ultimatum|gave (?:\\w+\\s+){0,3}an ultimatum|set a deadline',
    cameo: '139',
    mode: 'relations',
  },
  {
    type: 'threaten',
    phrase:
      'vowed to (?:retaliate|respond|strike|hit)|warned (?:of|that)(?=[^.;]{0,80}\\b(?:would|will)\\b[^.;]{0,60}\\b(?:target|strike|retaliat\\w*|respond|consequences|sanctions|walk away|force)\\b)',
    cameo: '138',
    mode: 'violence',
  },
  {
    type: 'threaten',
    phrase:
      '(?:regard|regards|regarded|consider|considers|considered|treat|treats|treated|view|views|viewed)\\s+(?:[^.;]{0,60}?)\\s+as\\s+(?:a\\s+)?legitimate\\s+targets?',
    cameo: '138',
    mode: 'violence',
  },
  // support
  {
    type: 'support',
    phrase:
      '(?:praised|praises|welcomed|welcomes|endorsed|endorses|backed|backs|hailed|hails|applauded|commended|lauded|thanked|thanks(?=\\s+[A-Z])|supported(?=\\s+(?:the|a|an|it|its|their|his|her|[A-Z]))|supports(?=\\s+(?:the|a|an|it|its|their|his|her|[A-Z])))',
    refine: [[PLAN_OBJECT, { cameo: '051' }]],
  },
  {
    type: 'support',
    phrase:
      '(?:threw|throws|reaffirmed|reaffirms|expressed|expresses|voiced|pledged)\\s+(?:its|his|her|their|strong|full|firm)?\\s*support',
  },
  // retreat (RETREAT: implemented releases, withdrawals, disarming) and concede (CONCEDE: verbal)
  {
    type: 'retreat',
    phrase:
      'handed over|hands over|surrendered|surrenders|laid down|lays down|turned in|turns in|decommissioned|gave up|gives up',
    object: /^[^.;]{0,40}\b(?:weapons|arms|rifles|guns|heavy weapons|ammunition|artillery)\b/i,
    cameo: '0873',
    mode: 'disarm',
  },
  {
    type: 'concede',
    phrase: 'eased|eases|lifted|lifts|relaxed|relaxes',
    object: /^[^.;]{0,40}\b(?:sanctions|restrictions|blockade|embargo|curfew)\b/i,
    cameo: '081',
  },
  {
    type: 'retreat',
    phrase: 'released|releases|freed|frees|handed over|handed back|returned|repatriated|exchanged|swapped',
    object:
      /^[^.;]{0,40}\b(?:prisoners?|detainees?|captives|hostages|pows|soldiers|civilians|children|bodies)\b/i,
    cameo: '0841',
    mode: 'release',
  },
  {
    type: 'retreat',
    phrase:
      'withdrew|withdraws|withdrawn|pulled back|pulls back|pulled out(?!\\s+of\\s+(?:the\\s+)?(?:talks|negotiations|meeting|deal))',
    object: /^[^.;]{0,40}\b(?:troops|forces|soldiers|units|from)\b/i,
    cameo: '0874',
    mode: 'withdraw',
  },
  {
    type: 'concede',
    phrase:
      '(?:dropped|drops|abandoned|abandons|softened|softens|withdrew|withdraws)\\s+(?:its|his|her|their)\\s+(?:\\w+\\s+)?(?:demand|insistence|opposition|objection|condition|claim)s?',
    cameo: '080',
  },
  {
    type: 'concede',
    phrase: 'made (?:a\\s+|new\\s+|further\\s+)?concessions?|conceded(?=\\s+(?:territory|ground|control))',
    cameo: '080',
  },
  // sanction
  {
    type: 'sanction',
    phrase:
      '(?:recalled|recalls|withdrew|withdraws|pulled)\\s+(?:its|their|his|her)\\s+(?:negotiating team|negotiators|delegation|envoy|ambassador)',
    cameo: '164',
    mode: 'discontinue',
  },
  {
    type: 'sanction',
    phrase: 'imposed|imposes|slapped|announced|adopted|unveiled|approved',
    object:
      /^\s+(?:new\s+|fresh\s+|further\s+|additional\s+|tougher\s+|an?\s+(?:\w+\s+)?(?:round|package)\s+of\s+)?(?:sanctions|tariffs|an embargo|restrictions|export controls)/i,
    cameo: '163',
  },
  { type: 'sanction', phrase: 'sanctioned|sanctions(?=\\s+(?:on|against)\\b)', cameo: '163' },
  {
    type: 'sanction',
    phrase:
      'suspended|suspends|halted|halts|froze|freezes|broke off|breaks off|severed|severs|cut off|cuts off|downgraded',
    object:
      /^\s+(?:all\s+|the\s+|its\s+|their\s+|diplomatic\s+)?(?:talks|negotiations|ties|relations|contacts|dialogue|cooperation|participation)/i,
    cameo: '164',
    mode: 'discontinue',
  },
  {
    type: 'sanction',
    phrase: 'halted|halts|suspended|suspends|paused|pauses|cut|cuts|froze|freezes|withheld|withholds',
    object:
      /^\s+(?:some\s+|all\s+|its\s+|their\s+|further\s+)?(?:[\w-]+\s+){0,2}(?:weapons|arms|aid|assistance|funding|shipments|deliveries|intelligence sharing)\b/i,
    cameo: '162',
    mode: 'discontinue',
  },
  {
    type: 'sanction',
    phrase: 'expelled|expels',
    object: /^[^.;]{0,30}\b(?:diplomats?|ambassador|envoy|observers|monitors)\b/i,
    cameo: '166',
    mode: 'expel',
  },
  // aid (delivered; pledges are AGREE 033)
  {
    type: 'aid',
    phrase: 'lend|lends|lent|loaned|loan|granted|grant',
    object: /^[^.;]{0,40}\b(?:billion|million|euros|dollars|pounds|loan|funds?|funding)\b/i,
    cameo: '071',
  },
  {
    type: 'aid',
    phrase:
      'sent|sends|delivered|delivers|provided|provides|supplied|supplies|shipped|ships|donated|transferred|allocated|handed',
    object: AID_OBJECT,
    cameo: '070',
    refine: AID_REFINE,
  },
  {
    type: 'aid',
    phrase:
      'approved|approves|pledged|pledges|promised|promises|committed|commits|announced|announces|earmarked',
    object: AID_OBJECT,
    cameo: '033',
    future: true,
  },
  // attack (ASSAULT)
  { type: 'attack', phrase: 'fired on|fires on|opened fire on|opens fire on|fired at', cameo: '190' },
  // "fired anti-aircraft batteries at Russia": a fired weapon directed at a target.
  { type: 'attack', phrase: 'fired|fires', object: /^\s+(?:[\w-]+\s+){1,4}at\s/i, cameo: '190' },
  // Armed clashes are reciprocal fighting: both sides use force (CAMEO 190).
  {
    type: 'attack',
    phrase: 'clashed with|clash with|clashes with|fought|fight(?=\\s+(?:with|against)\\b)',
    cameo: '190',
  },
  {
    type: 'attack',
    phrase:
      'attacked|shelled|shells(?=\\s+[A-Z])|bombed|bombs(?=\\s+[A-Z])|bombarded|pounded|struck(?!\\s+(?:an?\\s+|the\\s+)?(?:[\\w-]+\\s+){0,2}(?:deal|agreement|accord|note|tone|balance|chord))|hit(?=\\s+(?:a|an|the|two|three|several|dozens|\\d|[A-Z]))|stormed|raided|targeted(?=\\s+(?:the|a|an|[A-Z]))|targets(?=\\s+[A-Z])',
    refine: [
      [/^[^.;]{0,80}\bdrones?\b/i, { cameo: '195', mode: 'drone' }],
      [/^[^.;]{0,80}\b(?:missiles?|air ?strikes?|aerial|bombs?|glide)\b/i, { cameo: '195', mode: 'aerial' }],
      [/^[^.;]{0,80}\b(?:artillery|shell\w*|tanks?)\b/i, { cameo: '194', mode: 'heavy-weapons' }],
    ],
  },
  {
    type: 'attack',
    phrase:
      '(?:launched|launches|fired|fires|carried out|carries out|unleashed|mounted)\\s+(?:a\\s+|an\\s+|more than\\s+|over\\s+|nearly\\s+|about\\s+|\\d[\\d,]*\\s+|dozens of\\s+|hundreds of\\s+)*(?:[\\w-]+\\s+){0,3}(?:attacks?|strikes?|offensive|missiles?|drones?|assault|barrage|rockets?|shells)',
    refine: [
      [/drone/i, { cameo: '195', mode: 'drone' }],
      [/missile|air|rocket/i, { cameo: '195', mode: 'aerial' }],
    ],
  },
  {
    type: 'attack',
    phrase: 'violated|violates|breached|breaches|broke|breaking',
    object: /^\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}(?:cease-?fire|truce|armistice)/i,
    cameo: '196',
  },
  // ceasefire (declared: CONCEDE); observed or in force: RETREAT ceasefire
  {
    type: 'ceasefire',
    phrase:
      '(?:declared|declares|announced|announces|agreed to|agreed on|agree to|accepted|signed|reached|brokered|extended|extend|ordered|proclaimed)\\s+(?:an?\\s+|the\\s+|its\\s+|their\\s+)?(?:[\\w-]+\\s+){0,3}(?:cease-?fire|truce|armistice)',
    cameo: '0871',
  },
  {
    type: 'retreat',
    phrase:
      '(?:observed|observes|respected|respects|honou?red|honou?rs|held to)\\s+(?:an?\\s+|the\\s+)?(?:[\\w-]+\\s+){0,2}(?:cease-?fire|truce)',
    cameo: '0871',
    mode: 'ceasefire',
  },
  {
    type: 'retreat',
    phrase:
      '(?:halted|halts|halt|paused|pauses|pause|stopped|stops|stop|suspended|suspends|suspend)\\s+(?:all\\s+|its\\s+|their\\s+)?(?:[\\w-]+\\s+){0,2}(?:strikes|attacks|offensive|hostilities|shelling|fighting|bombing)',
    cameo: '0871',
    mode: 'ceasefire',
  },
  // mobilize: force posture (MOBILIZE)
  {
    type: 'mobilize',
    phrase: 'deployed|deploys|mobili[sz]ed|mobili[sz]es|massed|masses|amassed|moved|sent',
    object:
      /^[^.;]{0,40}\b(?:troops|forces|soldiers|reservists|brigades|battalions|warships|divisions)\b(?![^.;]{0,30}\b(?:from|out of)\b)/i,
    cameo: '150',
    mode: 'troops',
  },
  {
    type: 'mobilize',
    phrase:
      'put (?:[\\w-]+\\s+){0,3}on (?:high\\s+|full\\s+)?alert|raised (?:the\\s+|its\\s+)?alert level|conducted (?:[\\w-]+\\s+){0,2}(?:exercises|drills)|held (?:[\\w-]+\\s+){0,2}(?:exercises|drills)',
    cameo: '150',
    mode: 'troops',
  },
];
