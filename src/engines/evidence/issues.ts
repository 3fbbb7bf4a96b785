/**
 * Issue mentions: keywords and phrases declared per issue in the case file, plus built-in defaults for
 * issue themes common in peace talks (territory, alliance membership, security guarantees, sanctions,
 * ceasefire, prisoners, elections, army limits, reconstruction, humanitarian access), chosen by the
 * issue's id, name and description. Also matches an issue's scale options and anchors to place a claim.
 */

/** The parts of a case issue the matcher reads. */
export interface IssueLike {
  id: string;
  name: string;
  description?: string;
  keywords?: string[];
  scale?:
    | { kind: 'options'; options: Array<{ id: string; label: string; value: number; description?: string }> }
    | { kind: 'continuous'; anchors?: Array<{ value: number; label: string }> };
}

interface Theme {
  /** Matched (whole word, case-insensitive) against the issue's id, name and description. */
  signals: RegExp;
  keywords: string[];
}

export const ISSUE_THEMES: Record<string, Theme> = {
  alliance: {
    signals: /\b(?:nato|alliance|membership|neutral(?:ity)?|bloc|accession)\b/i,
    keywords: [
      'NATO membership',
      'join NATO',
      'joining NATO',
      'NATO accession',
      'NATO expansion',
      'neutrality',
      'neutral status',
      'non-aligned status',
      'military alliances',
      'joining the alliance',
      'membership in the alliance',
      'open door',
      'open-door',
    ],
  },
  territory: {
    signals: /\b(?:territor(?:y|ies|ial)|land|borders?|annex\w*|occupied|line of contact|front ?lines?)\b/i,
    keywords: [
      'territory',
      'territorial',
      'territories',
      'territorial concessions',
      'territorial integrity',
      'occupied regions',
      'annexed regions',
      'annexation',
      'cede land',
      'ceding land',
      'land for peace',
      'line of contact',
      'front line',
      'borders',
      'cede',
      'ceding',
      'ceded',
      'land',
      'annexed',
      'occupied',
      'frozen line',
      'freeze along',
      'freezing the front',
      'freeze the front',
      'frozen conflict',
    ],
  },
  security: {
    signals: /\b(?:security|guarantees?|assurances?|peacekeep\w*|deterren\w*|reassurance)\b/i,
    keywords: [
      'security guarantees',
      'security guarantee',
      'security assurances',
      'Article 5',
      'peacekeepers',
      'peacekeeping force',
      'reassurance force',
      'foreign troops',
      'European troops',
      'NATO troops',
      'Western troops',
      'troops on the ground',
      'deterrence',
    ],
  },
  sanctions: {
    signals: /\b(?:sanctions?|embargo|tariffs?|frozen assets|export controls)\b/i,
    keywords: [
      'sanctions',
      'sanctions relief',
      'lifting of sanctions',
      'lift sanctions',
      'easing sanctions',
      'embargo',
      'frozen assets',
      'export controls',
    ],
  },
  ceasefire: {
    signals: /\b(?:cease-?fire|truce|armistice|hostilities)\b/i,
    keywords: [
      'ceasefire',
      'cease-fire',
      'truce',
      'armistice',
      'cessation of hostilities',
      'halt to the fighting',
      'end to the fighting',
      'pause in hostilities',
      'energy truce',
    ],
  },
  military: {
    signals: /\b(?:army|troop cap|armed forces|demilitari[sz]\w*|military size|force limits?)\b/i,
    keywords: [
      'army size',
      'size of the army',
      'troop cap',
      'cap on the army',
      'limits on the armed forces',
      'demilitarisation',
      'demilitarization',
      'military cap',
    ],
  },
  prisoners: {
    signals: /\b(?:prisoners?|detainees?|hostages?|pows?|exchange)\b/i,
    keywords: [
      'prisoners',
      'prisoner exchange',
      'prisoner swap',
      'prisoners of war',
      'POWs',
      'detainees',
      'hostages',
      'deported children',
    ],
  },
  elections: {
    signals: /\b(?:elections?|vote|referendum|legitimacy)\b/i,
    keywords: ['elections', 'election', 'referendum', 'vote'],
  },
  reconstruction: {
    signals: /\b(?:reconstruction|reparations?|compensation|recovery)\b/i,
    keywords: ['reconstruction', 'reparations', 'compensation', 'rebuilding', 'recovery fund'],
  },
  humanitarian: {
    signals: /\b(?:humanitarian|aid access|corridors?)\b/i,
    keywords: ['humanitarian access', 'humanitarian aid', 'humanitarian corridor', 'aid deliveries'],
  },
};

/** Keywords used for an issue: its name and declared keywords, or, when it declares none, those of every theme its id and name signal. */
export function defaultIssueKeywords(issue: IssueLike): string[] {
  const out = new Set<string>([issue.name, ...(issue.keywords ?? [])]);
  // The case author's keywords are authoritative; themes fill in only for issues that declare none.
  if ((issue.keywords ?? []).length > 0) return [...out].filter((k) => k.trim().length >= 2);
  const text = `${issue.id.replace(/[-_.]/g, ' ')} ${issue.name}`;
  for (const theme of Object.values(ISSUE_THEMES))
    if (theme.signals.test(text)) for (const k of theme.keywords) out.add(k);
  return [...out].filter((k) => k.trim().length >= 2);
}

export interface IssueMentionHit {
  issue: string;
  start: number;
  end: number;
  text: string;
  /** Matched through a name word or a keyword several issues share: claims on it carry less confidence. */
  weak?: boolean;
}

export interface IssueMatcher {
  find(text: string): IssueMentionHit[];
  /** The option id or anchor value an issue's scale names in `text`, if one clearly matches. */
  position(
    issueId: string,
    text: string,
  ): { position: string | number; value: number; label: string } | undefined;
  keywords(issueId: string): string[];
}

const STOP = new Set(
  'a an the of to for on in at by with and or any its their his her our from into than as is are be some all under over'.split(
    ' ',
  ),
);
const stem = (w: string) =>
  w
    .toLowerCase()
    .replace(/(?:ies)$/, 'y')
    // Crude suffix stripping so "deferring" meets "deferred" and "annexed" meets "annexation".
    .replace(/(?<=\w{4})(?:ations?|ing|ed|es|s)$/, '')
    .replace(/(?<=\w{3})([a-z])\1$/, '$1');
const contentWords = (text: string) =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w) && w.length > 1).map(stem);

const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'als', 'al', 'ing', 'es', 'ed', 's', 'd'];
/** Name words too general to point at one issue on their own. */
const GENERIC_NAME_WORDS = new Set([
  'status',
  'control',
  'release',
  'issue',
  'question',
  'future',
  'security',
  'rights',
  'peace',
  'process',
  'action',
  'against',
  'change',
  'access',
  'return',
  'groups',
  'military',
  'joint',
]);

/** Spelling-tolerant comparison key: -ise/-ize, -our/-or, doubled letters and "zh"/"kh" fold together. */
function skeleton(k: string): string {
  return k
    .toLowerCase()
    .replace(/([zk])h/g, '$1')
    .replace(/is(?=e|ation|ing|ed)/g, 'iz')
    .replace(/our\b/g, 'or')
    .replace(/([a-z])\1/g, '$1')
    .replace(/\s+/g, ' ');
}

/** A keyword as a regex source tolerant of the same variants (Zaporizhzhia/Zaporizhia, Donbas/Donbass). */
function tolerant(k: string): string {
  return k
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+')
    .replace(/([zk]h)\1/gi, '(?:$1)?$1')
    .replace(/([b-df-hj-np-tv-z])\1/gi, '$1$1?')
    .replace(/i[sz](?=e|ation|ing|ed)/gi, 'i[sz]')
    .replace(/our(?=$)/gi, 'ou?r')
    .replace(/(?<=\w{4})e$/, 'e?');
}

/** Head noun of a name: the last word before its first preposition ("Withdrawal of troops" → withdrawal). */
function headNoun(name: string): string {
  const words = name.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  const cut = words.findIndex((w) => /^(?:of|for|from|to|on|in|with|by|between|against|over)$/.test(w));
  return (cut > 0 ? words[cut - 1] : words[words.length - 1]) ?? '';
}

const optionLabels = (issue: IssueLike): string[] =>
  issue.scale && 'options' in issue.scale && Array.isArray(issue.scale.options)
    ? issue.scale.options.map((o: { label: string }) => o.label)
    : [];

export function createIssueMatcher(issues: readonly IssueLike[]): IssueMatcher {
  const byKeyword = new Map<string, string[]>();
  const keywordsOf = new Map<string, string[]>();
  // A keyword an issue declares itself (or its name) belongs to that issue alone; theme defaults are
  // shared only among issues that did not claim the word explicitly.
  const explicit = new Map<string, string[]>();
  for (const issue of issues) {
    for (const k of [issue.name, ...(issue.keywords ?? [])]) {
      const key = k.toLowerCase();
      explicit.set(key, [...(explicit.get(key) ?? []), issue.id]);
    }
  }
  for (const issue of issues) {
    const kws = defaultIssueKeywords(issue);
    keywordsOf.set(issue.id, kws);
    for (const k of kws) {
      const key = k.toLowerCase();
      const owners = explicit.get(key);
      if (owners && !owners.includes(issue.id)) continue;
      const list = byKeyword.get(key) ?? [];
      if (!list.includes(issue.id)) list.push(issue.id);
      byKeyword.set(key, list);
    }
  }
  // The head noun of an issue's name ("truce" in "Humanitarian truce", "autonomy" in "Autonomy for the
  // region") counts as a weaker keyword when no other issue's name, keywords or options use it.
  const wordOwners = new Map<string, Set<string>>();
  for (const issue of issues)
    for (const k of [issue.name, ...(issue.keywords ?? []), ...optionLabels(issue)])
      for (const w of contentWords(k)) {
        const set = wordOwners.get(w) ?? new Set<string>();
        set.add(issue.id);
        wordOwners.set(w, set);
      }
  const weak = new Set<string>();
  for (const issue of issues)
    for (const w of [headNoun(issue.name)].filter((x) => x.length >= 5 && !STOP.has(x))) {
      if (GENERIC_NAME_WORDS.has(w) || (wordOwners.get(stem(w))?.size ?? 0) > 1 || byKeyword.has(w)) continue;
      byKeyword.set(w, [issue.id]);
      weak.add(w);
    }
  const alternatives = [...byKeyword.keys()].sort((a, b) => b.length - a.length).map((k) => tolerant(k));
  const re = alternatives.length
    ? new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?:s|es|ing|ed|d|al|als|ment|ments|ation|ations)?(?![\\p{L}\\p{N}])`,
        'giu',
      )
    : undefined;
  const skeletons = new Map([...byKeyword.keys()].map((k) => [skeleton(k), k]));

  const scales = new Map(issues.map((i) => [i.id, i.scale]));

  return {
    find(text) {
      if (!re) return [];
      const out: IssueMentionHit[] = [];
      for (const m of text.matchAll(re)) {
        const key = m[0].toLowerCase().replace(/\s+/g, ' ');
        const bare = [key, ...SUFFIXES.map((x) => (key.endsWith(x) ? key.slice(0, -x.length) : ''))].filter(
          Boolean,
        );
        let ids: string[] = [];
        let via = '';
        for (const b of bare) {
          const k = byKeyword.has(b) ? b : skeletons.get(skeleton(b));
          if (k && byKeyword.has(k)) {
            ids = byKeyword.get(k)!;
            via = k;
            break;
          }
        }
        for (const issue of ids)
          out.push({
            issue,
            start: m.index,
            end: m.index + m[0].length,
            text: m[0],
            ...(weak.has(via) || ids.length > 1 ? { weak: true } : {}),
          });
      }
      return out;
    },
    position(issueId, text) {
      const scale = scales.get(issueId);
      if (!scale) return undefined;
      const words = new Set(contentWords(text));
      const candidates =
        scale.kind === 'options'
          ? scale.options.map((o) => ({ position: o.id as string | number, value: o.value, label: o.label }))
          : (scale.anchors ?? []).map((a) => ({
              position: a.value as string | number,
              value: a.value,
              label: a.label,
            }));
      let best: (typeof candidates)[number] | undefined;
      let bestScore = 0;
      let tie = false;
      for (const c of candidates) {
        const label = [...new Set(contentWords(c.label))];
        if (label.length === 0) continue;
        const hits = label.filter((w) => words.has(w)).length;
        // Short labels must match whole; longer ones need two words and most of the label.
        const ok = label.length <= 2 ? hits === label.length : hits >= 2 && hits / label.length >= 0.6;
        if (!ok) continue;
        const score = hits / label.length + hits * 0.01;
        if (score > bestScore) {
          best = c;
          bestScore = score;
          tie = false;
        } else if (score === bestScore) tie = true;
      }
      return best && !tie ? best : undefined;
    },
    keywords: (id) => keywordsOf.get(id) ?? [],
  };
}
