/**
 * Built-in gazetteer: states and organisations with their names, adjectives and metonyms (capitals, seats
 * of government), office titles, and a short dated list of office holders. Codes follow PLOVER/CAMEO:
 * ISO-3166 alpha-3 for states, EUR (European Union), UNO (United Nations), NATO as IGOWSTNAT
 * (../reference docs/models/ONTOLOGY.md §1.3, §2.2). Case files add their own aliases on top.
 */

import { ORGANISATIONS } from './data/organisations.js';
import { WORLD_STATES } from './data/world-states.generated.js';

export interface GazetteerEntity {
  code: string;
  name: string;
  names: string[];
  adjectives: string[];
  /** Metonyms and institutions: the text and the sector it implies. */
  metonyms: Array<[text: string, sector: string]>;
}

export interface GazetteerPerson {
  name: string;
  /** Surface forms (full name first). */
  forms: string[];
  code: string;
  sector: string;
  role: string;
  /** Office held from/to (YYYY-MM-DD); outside it the person still maps to the country, as ELI. */
  from?: string;
  to?: string;
}

/** Hand-kept entries: organisations, alliances and states whose metonyms and names need care. */
const HAND_KEPT: GazetteerEntity[] = [
  {
    code: 'USA',
    name: 'United States',
    names: ['United States of America', 'United States', 'U.S.A.', 'USA', 'U.S.', 'US', 'America'],
    adjectives: ['American', 'U.S.', 'US'],
    metonyms: [
      ['Washington', 'GOV'],
      ['the White House', 'GOV'],
      ['the State Department', 'GOV'],
      ['the Pentagon', 'MIL'],
      ['the Trump administration', 'GOV'],
      ['the Biden administration', 'GOV'],
      ['Congress', 'LEG'],
    ],
  },
  {
    code: 'RUS',
    name: 'Russia',
    names: ['Russian Federation', 'Russia'],
    adjectives: ['Russian'],
    metonyms: [
      ['Moscow', 'GOV'],
      ['the Kremlin', 'GOV'],
      ['Kremlin', 'GOV'],
      ['the Duma', 'LEG'],
    ],
  },
  {
    code: 'UKR',
    name: 'Ukraine',
    names: ['Ukraine'],
    adjectives: ['Ukrainian'],
    metonyms: [
      ['Kyiv', 'GOV'],
      ['Kiev', 'GOV'],
      ['the Rada', 'LEG'],
      ['Bankova', 'GOV'],
    ],
  },
  {
    code: 'EUR',
    name: 'European Union',
    names: ['European Union', 'E.U.', 'EU'],
    adjectives: ['EU', 'E.U.'],
    metonyms: [
      ['Brussels', 'GOV'],
      ['the European Commission', 'GOV'],
      ['the European Council', 'GOV'],
      ['the European Parliament', 'LEG'],
    ],
  },
  {
    code: 'IGOWSTNAT',
    name: 'NATO',
    names: ['North Atlantic Treaty Organization', 'NATO'],
    adjectives: ['NATO'],
    metonyms: [],
  },
  {
    code: 'UNO',
    name: 'United Nations',
    names: ['United Nations', 'U.N.', 'UN'],
    adjectives: ['UN', 'U.N.'],
    metonyms: [
      ['the Security Council', 'GOV'],
      ['the General Assembly', 'GOV'],
    ],
  },
  {
    code: 'GBR',
    name: 'United Kingdom',
    names: ['United Kingdom', 'Great Britain', 'Britain', 'U.K.', 'UK'],
    adjectives: ['British', 'UK', 'U.K.'],
    metonyms: [
      ['London', 'GOV'],
      ['Downing Street', 'GOV'],
      ['Whitehall', 'GOV'],
    ],
  },
  {
    code: 'FRA',
    name: 'France',
    names: ['France'],
    adjectives: ['French'],
    metonyms: [
      ['Paris', 'GOV'],
      ['the Elysee', 'GOV'],
      ['the Élysée', 'GOV'],
    ],
  },
  { code: 'DEU', name: 'Germany', names: ['Germany'], adjectives: ['German'], metonyms: [['Berlin', 'GOV']] },
  { code: 'POL', name: 'Poland', names: ['Poland'], adjectives: ['Polish'], metonyms: [['Warsaw', 'GOV']] },
  {
    code: 'CHN',
    name: 'China',
    names: ['China', "People's Republic of China"],
    adjectives: ['Chinese'],
    metonyms: [['Beijing', 'GOV']],
  },
  {
    code: 'TUR',
    name: 'Turkey',
    names: ['Türkiye', 'Turkiye', 'Turkey'],
    adjectives: ['Turkish'],
    metonyms: [['Ankara', 'GOV']],
  },
  {
    code: 'SAU',
    name: 'Saudi Arabia',
    names: ['Saudi Arabia'],
    adjectives: ['Saudi'],
    metonyms: [['Riyadh', 'GOV']],
  },
  {
    code: 'ARE',
    name: 'United Arab Emirates',
    names: ['United Arab Emirates', 'UAE'],
    adjectives: ['Emirati'],
    metonyms: [['Abu Dhabi', 'GOV']],
  },
  { code: 'QAT', name: 'Qatar', names: ['Qatar'], adjectives: ['Qatari'], metonyms: [['Doha', 'GOV']] },
  { code: 'EGY', name: 'Egypt', names: ['Egypt'], adjectives: ['Egyptian'], metonyms: [['Cairo', 'GOV']] },
  {
    code: 'ISR',
    name: 'Israel',
    names: ['Israel'],
    adjectives: ['Israeli'],
    metonyms: [['the Knesset', 'LEG']],
  },
  {
    code: 'PSE',
    name: 'Palestine',
    names: ['Palestine', 'Palestinian Authority'],
    adjectives: ['Palestinian'],
    metonyms: [['Ramallah', 'GOV']],
  },
  { code: 'IRN', name: 'Iran', names: ['Iran'], adjectives: ['Iranian'], metonyms: [['Tehran', 'GOV']] },
  { code: 'IND', name: 'India', names: ['India'], adjectives: ['Indian'], metonyms: [['New Delhi', 'GOV']] },
  {
    code: 'BLR',
    name: 'Belarus',
    names: ['Belarus'],
    adjectives: ['Belarusian'],
    metonyms: [['Minsk', 'GOV']],
  },
  {
    code: 'HUN',
    name: 'Hungary',
    names: ['Hungary'],
    adjectives: ['Hungarian'],
    metonyms: [['Budapest', 'GOV']],
  },
  {
    code: 'ARM',
    name: 'Armenia',
    names: ['Armenia'],
    adjectives: ['Armenian'],
    metonyms: [['Yerevan', 'GOV']],
  },
  {
    code: 'AZE',
    name: 'Azerbaijan',
    names: ['Azerbaijan'],
    adjectives: ['Azerbaijani', 'Azeri'],
    metonyms: [['Baku', 'GOV']],
  },
  {
    code: 'CHE',
    name: 'Switzerland',
    names: ['Switzerland'],
    adjectives: ['Swiss'],
    metonyms: [['Bern', 'GOV']],
  },
  { code: 'JPN', name: 'Japan', names: ['Japan'], adjectives: ['Japanese'], metonyms: [['Tokyo', 'GOV']] },
  { code: 'SDN', name: 'Sudan', names: ['Sudan'], adjectives: ['Sudanese'], metonyms: [['Khartoum', 'GOV']] },
  {
    code: 'ETH',
    name: 'Ethiopia',
    names: ['Ethiopia'],
    adjectives: ['Ethiopian'],
    metonyms: [['Addis Ababa', 'GOV']],
  },
  {
    code: 'COL',
    name: 'Colombia',
    names: ['Colombia'],
    adjectives: ['Colombian'],
    metonyms: [
      ['Bogota', 'GOV'],
      ['Bogotá', 'GOV'],
    ],
  },
  { code: 'ITA', name: 'Italy', names: ['Italy'], adjectives: ['Italian'], metonyms: [['Rome', 'GOV']] },
  { code: 'VAT', name: 'Holy See', names: ['Holy See', 'Vatican'], adjectives: ['Vatican'], metonyms: [] },
  ...ORGANISATIONS,
];

/**
 * Every state of the generated world gazetteer (data/world-states.generated.ts, from world-countries,
 * ODbL) added to the hand-kept entries: names, official names, demonyms and their plurals (as names:
 * "the Israelis"), capitals as government metonyms. A form the hand-kept list already uses stays theirs.
 */
function withWorldStates(hand: GazetteerEntity[]): GazetteerEntity[] {
  const claimed = new Set<string>();
  for (const e of hand)
    for (const f of [e.name, ...e.names, ...e.adjectives, ...e.metonyms.map(([m]) => m)]) claimed.add(f);
  const free = (f: string) => !claimed.has(f) && !claimed.has(`the ${f}`);
  const byCode = new Map(hand.map((e) => [e.code, e]));
  const out = hand.map((e) => ({
    ...e,
    names: [...e.names],
    adjectives: [...e.adjectives],
    metonyms: [...e.metonyms],
  }));
  const outByCode = new Map(out.map((e) => [e.code, e]));
  for (const w of WORLD_STATES) {
    const names = [...w.names, ...w.plurals].filter(free);
    const adjectives = w.adjectives.filter(free);
    const metonyms = w.capitals.filter(free).map((c): [string, string] => [c, 'GOV']);
    const existing = byCode.has(w.code) ? outByCode.get(w.code)! : undefined;
    if (existing) {
      existing.names.push(...names);
      existing.adjectives.push(...adjectives);
      existing.metonyms.push(...metonyms);
    } else out.push({ code: w.code, name: w.name, names, adjectives, metonyms });
  }
  return out;
}

export const ENTITIES: GazetteerEntity[] = withWorldStates(HAND_KEPT);

/** Office words; the sector each implies (government unless military/legislative). */
export const ROLES: Record<string, string> = {
  president: 'GOV',
  'vice president': 'GOV',
  'prime minister': 'GOV',
  premier: 'GOV',
  chancellor: 'GOV',
  'foreign minister': 'GOV',
  'defence minister': 'MIL',
  'defense minister': 'MIL',
  minister: 'GOV',
  'secretary of state': 'GOV',
  secretary: 'GOV',
  envoy: 'GOV',
  'special envoy': 'GOV',
  'peace envoy': 'GOV',
  ambassador: 'GOV',
  spokesman: 'GOV',
  spokeswoman: 'GOV',
  spokesperson: 'GOV',
  negotiator: 'GOV',
  negotiators: 'GOV',
  'chief negotiator': 'GOV',
  'negotiating team': 'GOV',
  delegation: 'GOV',
  delegates: 'GOV',
  official: 'GOV',
  officials: 'GOV',
  diplomat: 'GOV',
  diplomats: 'GOV',
  leader: 'GOV',
  leaders: 'GOV',
  leadership: 'GOV',
  'head of state': 'GOV',
  'heads of state': 'GOV',
  government: 'GOV',
  administration: 'GOV',
  authorities: 'GOV',
  'foreign ministry': 'GOV',
  'defence ministry': 'MIL',
  'defense ministry': 'MIL',
  counterpart: 'GOV',
  aide: 'GOV',
  adviser: 'GOV',
  advisor: 'GOV',
  'national security adviser': 'GOV',
  'national security advisor': 'GOV',
  'security adviser': 'GOV',
  'security advisor': 'GOV',
  parliament: 'LEG',
  lawmakers: 'LEG',
  legislators: 'LEG',
  army: 'MIL',
  military: 'MIL',
  'armed forces': 'MIL',
  forces: 'MIL',
  troops: 'MIL',
  'air force': 'MIL',
  navy: 'MIL',
  commander: 'MIL',
  commanders: 'MIL',
  'general staff': 'MIL',
  intelligence: 'SPY',
  drones: 'MIL',
  missiles: 'MIL',
  jets: 'MIL',
  warplanes: 'MIL',
  artillery: 'MIL',
  aircraft: 'MIL',
  warships: 'MIL',
  // Generic sectors (PLOVER/CAMEO agent codes), so "a Tunisian court" or "Kenyan police" resolve to the state.
  court: 'JUD',
  courts: 'JUD',
  judge: 'JUD',
  judges: 'JUD',
  judiciary: 'JUD',
  prosecutor: 'JUD',
  prosecutors: 'JUD',
  police: 'COP',
  'police officers': 'COP',
  'security forces': 'MIL',
  soldiers: 'MIL',
  fighters: 'MIL',
  militants: 'REB',
  rebels: 'REB',
  insurgents: 'INS',
  militia: 'REB',
  militias: 'REB',
  activists: 'CVL',
  protesters: 'CVL',
  protestors: 'CVL',
  demonstrators: 'CVL',
  students: 'EDU',
  civilians: 'CVL',
  residents: 'CVL',
  workers: 'LAB',
  opposition: 'OPP',
  'opposition leader': 'OPP',
  coastguard: 'MIL',
  'coast guard': 'MIL',
  'border guards': 'MIL',
  hackers: 'SPY',
  'state media': 'MED',
  mediators: 'GOV',
  'foreign ministers': 'GOV',
  'defence ministers': 'MIL',
  ministers: 'GOV',
};

/** Roles that name one person (pronoun carry-over applies to them). */
export const PERSONAL_ROLES = new Set([
  'president',
  'vice president',
  'prime minister',
  'premier',
  'chancellor',
  'foreign minister',
  'defence minister',
  'defense minister',
  'minister',
  'secretary of state',
  'secretary',
  'envoy',
  'special envoy',
  'peace envoy',
  'ambassador',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'negotiator',
  'chief negotiator',
  'official',
  'diplomat',
  'leader',
  'head of state',
  'counterpart',
  'aide',
  'adviser',
  'advisor',
  'national security adviser',
  'commander',
]);

/** Office holders relevant to the bundled example; a case file's aliases take precedence. */
export const PERSONS: GazetteerPerson[] = [
  {
    name: 'Vladimir Putin',
    forms: ['Vladimir Putin', 'Putin'],
    code: 'RUS',
    sector: 'GOV',
    role: 'president',
  },
  {
    name: 'Sergei Lavrov',
    forms: ['Sergei Lavrov', 'Sergey Lavrov', 'Lavrov'],
    code: 'RUS',
    sector: 'GOV',
    role: 'foreign minister',
  },
  {
    name: 'Dmitry Peskov',
    forms: ['Dmitry Peskov', 'Peskov'],
    code: 'RUS',
    sector: 'GOV',
    role: 'spokesman',
  },
  { name: 'Yuri Ushakov', forms: ['Yuri Ushakov', 'Ushakov'], code: 'RUS', sector: 'GOV', role: 'aide' },
  {
    name: 'Kirill Dmitriev',
    forms: ['Kirill Dmitriev', 'Dmitriev'],
    code: 'RUS',
    sector: 'GOV',
    role: 'envoy',
  },
  {
    name: 'Volodymyr Zelensky',
    forms: ['Volodymyr Zelenskyy', 'Volodymyr Zelensky', 'Zelenskyy', 'Zelensky', 'Zelenskiy'],
    code: 'UKR',
    sector: 'GOV',
    role: 'president',
  },
  {
    name: 'Andrii Sybiha',
    forms: ['Andrii Sybiha', 'Sybiha'],
    code: 'UKR',
    sector: 'GOV',
    role: 'foreign minister',
  },
  {
    name: 'Rustem Umerov',
    forms: ['Rustem Umerov', 'Umerov'],
    code: 'UKR',
    sector: 'GOV',
    role: 'negotiator',
  },
  {
    name: 'Andriy Yermak',
    forms: ['Andriy Yermak', 'Yermak'],
    code: 'UKR',
    sector: 'GOV',
    role: 'aide',
    to: '2025-11-28',
  },
  {
    name: 'Donald Trump',
    forms: ['Donald Trump', 'Trump'],
    code: 'USA',
    sector: 'GOV',
    role: 'president',
    from: '2025-01-20',
  },
  {
    name: 'Joe Biden',
    forms: ['Joe Biden', 'Biden'],
    code: 'USA',
    sector: 'GOV',
    role: 'president',
    to: '2025-01-20',
  },
  {
    name: 'Marco Rubio',
    forms: ['Marco Rubio', 'Rubio'],
    code: 'USA',
    sector: 'GOV',
    role: 'secretary of state',
    from: '2025-01-21',
  },
  {
    name: 'Steve Witkoff',
    forms: ['Steve Witkoff', 'Witkoff'],
    code: 'USA',
    sector: 'GOV',
    role: 'envoy',
    from: '2025-01-20',
  },
  {
    name: 'Keith Kellogg',
    forms: ['Keith Kellogg', 'Kellogg'],
    code: 'USA',
    sector: 'GOV',
    role: 'envoy',
    from: '2025-01-20',
  },
  {
    name: 'J.D. Vance',
    forms: ['JD Vance', 'J.D. Vance', 'Vance'],
    code: 'USA',
    sector: 'GOV',
    role: 'vice president',
    from: '2025-01-20',
  },
  {
    name: 'Emmanuel Macron',
    forms: ['Emmanuel Macron', 'Macron'],
    code: 'FRA',
    sector: 'GOV',
    role: 'president',
  },
  {
    name: 'Keir Starmer',
    forms: ['Keir Starmer', 'Starmer'],
    code: 'GBR',
    sector: 'GOV',
    role: 'prime minister',
    from: '2024-07-05',
  },
  {
    name: 'Friedrich Merz',
    forms: ['Friedrich Merz', 'Merz'],
    code: 'DEU',
    sector: 'GOV',
    role: 'chancellor',
    from: '2025-05-06',
  },
  {
    name: 'Recep Tayyip Erdogan',
    forms: ['Recep Tayyip Erdogan', 'Erdogan', 'Erdoğan'],
    code: 'TUR',
    sector: 'GOV',
    role: 'president',
  },
  { name: 'Xi Jinping', forms: ['Xi Jinping'], code: 'CHN', sector: 'GOV', role: 'president' },
  {
    name: 'Mark Rutte',
    forms: ['Mark Rutte', 'Rutte'],
    code: 'IGOWSTNAT',
    sector: 'GOV',
    role: 'secretary',
    from: '2024-10-01',
  },
  {
    name: 'Ursula von der Leyen',
    forms: ['Ursula von der Leyen', 'von der Leyen'],
    code: 'EUR',
    sector: 'GOV',
    role: 'president',
  },
  {
    name: 'Kaja Kallas',
    forms: ['Kaja Kallas', 'Kallas'],
    code: 'EUR',
    sector: 'GOV',
    role: 'foreign minister',
    from: '2024-12-01',
  },
];
