/**
 * Actor mentions: case aliases, the built-in gazetteer (names, metonyms such as "the Kremlin", office titles
 * such as "Russia's foreign minister" or "the US envoy", known office holders), resolved to case actors;
 * then safe carry-over of "he"/"she" and bare roles ("the president") inside a paragraph.
 * Titles combine an office with the nearest country word, as CAMEO agents do (docs/models/ONTOLOGY.md §2.2).
 */
import {
  ENTITIES,
  PERSONAL_ROLES,
  PERSONS,
  ROLES,
  type GazetteerEntity,
  type GazetteerPerson,
} from './gazetteer.js';
import type { ActorMention, MentionKind, Sentence } from './types.js';

/** The parts of a case actor the matcher reads. */
export interface ActorLike {
  id: string;
  name: string;
  kind?: string;
  aliases?: string[];
  parent?: string;
}

interface Target {
  actor?: string;
  code?: string;
  sector?: string;
  canonical: string;
  personal: boolean;
  role?: string;
}

export interface ActorMatcher {
  find(text: string, articleDate?: string): ActorMention[];
  /** Case actor for a gazetteer code, if the case has one. */
  actorForCode(code: string): string | undefined;
  /** Gazetteer code for a case actor id, if known. */
  codeForActor(actor: string): string | undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalise = (s: string) => s.replace(/^([a-z])/, (c) => c.toUpperCase());
const titleCase = (s: string) => s.replace(/\b([a-z])/g, (c) => c.toUpperCase());
const alternation = (forms: Iterable<string>) =>
  [...new Set(forms)]
    .filter((f) => f.length > 0)
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const PRIORITY: Record<MentionKind, number> = {
  name: 0,
  title: 1,
  person: 2,
  metonym: 3,
  role: 4,
  pronoun: 5,
};
const PLACE_BEFORE =
  /(?:^|\s)(?:in|at|near|across|inside|outside|into|from|throughout|within|around|over|via|visit(?:ed|s|ing)? to)\s+(?:(?:the|eastern|western|northern|southern|central|occupied|war-torn|wartime|neighbouring|neighboring|rural)\s+)*$/i;
const NOT_NAMES =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|On|In|The|And|But|Said|Says|Has|Had|Is|Was|Will|Would)$/;
const MODIFIERS = '(?:(?:top|chief|special|senior|deputy|acting|former|lead|peace|new|outgoing|then)\\s+)';

export function createActorMatcher(actors: readonly ActorLike[]): ActorMatcher {
  const codeToActor = new Map<string, string>();
  const actorToCode = new Map<string, string>();
  const entityByForm = new Map<string, GazetteerEntity>();
  for (const e of ENTITIES) {
    for (const f of [...e.names, ...e.adjectives, e.name]) entityByForm.set(f.toLowerCase(), e);
    for (const [m] of e.metonyms) entityByForm.set(m.toLowerCase().replace(/^the /, ''), e);
  }
  const personByForm = new Map<string, GazetteerPerson>();
  for (const p of PERSONS) for (const f of p.forms) personByForm.set(f.toLowerCase(), p);

  // Case actors: which gazetteer entity each one is (by its name or an alias), and its own surface forms.
  const caseForms = new Map<string, Target>();
  const personActorFor = new Map<GazetteerPerson, string>();
  for (const a of actors) {
    const forms = [a.name, ...(a.aliases ?? [])];
    for (const f of forms) {
      const entity = entityByForm.get(f.toLowerCase().replace(/^the /, ''));
      if (entity && a.kind !== 'person') {
        if (!codeToActor.has(entity.code)) codeToActor.set(entity.code, a.id);
        if (!actorToCode.has(a.id)) actorToCode.set(a.id, entity.code);
      }
      const person = personByForm.get(f.toLowerCase());
      if (person && !personActorFor.has(person)) personActorFor.set(person, a.id);
    }
    for (const f of forms) {
      if (f.length < 2) continue;
      const personal = a.kind === 'person';
      const t: Target = { actor: a.id, canonical: a.name, personal };
      for (const v of [f, capitalise(f)]) if (!caseForms.has(v)) caseForms.set(v, t);
    }
  }
  for (const a of actors) {
    if (a.parent && actorToCode.has(a.parent) && !actorToCode.has(a.id))
      actorToCode.set(a.id, actorToCode.get(a.parent)!);
  }

  const entityTarget = (e: GazetteerEntity, sector?: string, extra: Partial<Target> = {}): Target => ({
    code: e.code,
    canonical: e.name,
    personal: false,
    ...(codeToActor.has(e.code) ? { actor: codeToActor.get(e.code)! } : {}),
    ...(sector ? { sector } : {}),
    ...extra,
  });

  // Gazetteer names and metonyms.
  const gazForms = new Map<string, { target: Target; kind: MentionKind }>();
  for (const e of ENTITIES) {
    for (const n of e.names) gazForms.set(n, { target: entityTarget(e, 'GOV'), kind: 'name' });
    for (const [m, sector] of e.metonyms)
      for (const v of [m, capitalise(m)])
        gazForms.set(v, { target: entityTarget(e, sector), kind: 'metonym' });
  }
  for (const p of PERSONS) {
    for (const f of p.forms) gazForms.set(f, { target: personTarget(p), kind: 'person' });
  }
  function personTarget(p: GazetteerPerson): Target {
    const actor = personActorFor.get(p) ?? codeToActor.get(p.code);
    return {
      code: p.code,
      sector: p.sector,
      canonical: p.name,
      personal: true,
      role: p.role,
      ...(actor ? { actor } : {}),
    };
  }

  const countryForms = new Set<string>();
  for (const e of ENTITIES) for (const f of [...e.names, ...e.adjectives]) countryForms.add(f);
  for (const a of actors)
    if (a.kind !== 'person')
      for (const f of [a.name, ...(a.aliases ?? [])]) if (/^[A-Z]/.test(f)) countryForms.add(f);
  const roleForms = new Set<string>();
  for (const r of Object.keys(ROLES)) for (const v of [r, titleCase(r), capitalise(r)]) roleForms.add(v);
  const C = `(?:${alternation(countryForms)})`;
  const R = `(?:${alternation(roleForms)})`;
  const NAME = "[A-Z][\\p{L}'’.-]+(?:\\s+(?:[A-Z][\\p{L}'’.-]+|von|der|de|al))*";
  const DET = '(?:(?:the|The|his|His|her|Her|their|Their|its|Its|a|A)\\s+)';

  const caseRe = caseForms.size
    ? new RegExp(`${B}(?:${alternation(caseForms.keys())})${E}`, 'gu')
    : undefined;
  const gazRe = new RegExp(`${B}(?:${alternation(gazForms.keys())})${E}`, 'gu');
  const titleRe = new RegExp(
    `${B}${DET}?${MODIFIERS}?(?<c>${C})(?:\\s*(?:and|,)\\s*(?<c2>${C}))?(?:['’]s?)?\\s+${MODIFIERS}?(?<r>${R})s?(?:\\s+(?<n>${NAME}))?${E}`,
    'uy',
  );
  const roleOfRe = new RegExp(
    `${B}${DET}?${MODIFIERS}?(?<r>${R})s?\\s+(?:of|from)\\s+(?:the\\s+)?(?<c>${C})(?:\\s+and\\s+(?:the\\s+)?(?<c2>${C}))?${E}`,
    'uy',
  );
  // The two title patterns open with one of a known set of words; trying them only at those words (a hash
  // lookup per word) gives the same matches as a global scan at a fraction of the cost.
  const firstWord = (f: string) => f.split(/[\s'’.-]/)[0]!.toLowerCase();
  const openers = [
    'the',
    'his',
    'her',
    'their',
    'its',
    'a',
    'top',
    'chief',
    'special',
    'senior',
    'deputy',
    'acting',
    'former',
    'lead',
    'peace',
    'new',
    'outgoing',
    'then',
  ];
  const openerSet = new Set(openers);
  const adjectiveForms = new Map<string, GazetteerEntity>();
  for (const e of ENTITIES)
    for (const a of e.adjectives) if (/^[A-Z]/.test(a) && !adjectiveForms.has(a)) adjectiveForms.set(a, e);
  const countryFirst = new Set([...countryForms].map(firstWord));
  const roleFirst = new Set([...roleForms].map(firstWord));
  const titledNameRe = new RegExp(
    `${B}${MODIFIERS}?(?<r>${alternation([...roleForms].filter((r) => /^[A-Z]/.test(r)))})\\s+(?<n>${NAME})${E}`,
    'gu',
  );
  const bareRoleRe = new RegExp(
    `${B}(?:the|The)\\s+${MODIFIERS}?(?<r>${alternation([...PERSONAL_ROLES, 'delegation', 'government', 'administration'])})${E}`,
    'gu',
  );
  const pronounRe = /\b(?:he|He|she|She)\b/g;
  // "It said …" at the start of a sentence or clause, and collective definite descriptions ("the group",
  // "the bloc"): carried over from the latest organisation-like mention of the paragraph (resolveCarryOver).
  const collectiveRe =
    /(?:(?<=^|[.!?;:]\s+|,\s+(?:and|but)\s+|\n)It(?=\s+(?:\w+\s+)?(?:said|says|has|had|is|was|will|would|called|accused|rejected|denied|demanded|urged|added|warned|insisted|agreed|accepted|welcomed|threatened|proposed|offered))|\b(?:the|The)\s+(?:group|movement|militia|rebels|guerrillas|paramilitaries|bloc|alliance|organisation|organization|kingdom|junta|insurgents|faction)\b)/g;

  const countryTarget = (form: string): Target | undefined => {
    const e = entityByForm.get(form.toLowerCase());
    if (e) return entityTarget(e);
    const t = caseForms.get(form);
    return t ? { ...t } : undefined;
  };
  const nameTarget = (name: string): Target | undefined => {
    const trimmed = name.replace(/[.,'’]+$/, '');
    const direct = caseForms.get(trimmed) ?? gazForms.get(trimmed)?.target;
    if (direct) return direct;
    const last = trimmed.split(/\s+/).pop()!;
    return caseForms.get(last) ?? gazForms.get(last)?.target;
  };

  function find(text: string, articleDate?: string): ActorMention[] {
    const raw: ActorMention[] = [];
    const push = (start: number, end: number, kind: MentionKind, t: Target) => {
      raw.push({
        start,
        end,
        text: text.slice(start, end),
        kind,
        canonical: t.canonical,
        personal: t.personal,
        ...(t.actor ? { actor: t.actor } : {}),
        ...(t.code
          ? { country: t.code }
          : t.actor && actorToCode.has(t.actor)
            ? { country: actorToCode.get(t.actor)! }
            : {}),
        ...(t.sector ? { sector: t.sector } : {}),
        ...(t.role ? { role: t.role } : {}),
      });
    };
    if (caseRe)
      for (const m of text.matchAll(caseRe))
        push(m.index, m.index + m[0].length, 'name', caseForms.get(m[0])!);
    for (const m of text.matchAll(gazRe)) {
      const g = gazForms.get(m[0])!;
      let target = g.target;
      if (g.kind === 'person' && articleDate) {
        const p = personByForm.get(m[0].toLowerCase());
        if (p && ((p.from && articleDate < p.from) || (p.to && articleDate > p.to)))
          target = { ...target, sector: 'ELI' };
      }
      push(m.index, m.index + m[0].length, g.kind, target);
    }
    const WORD = /[\p{L}\p{N}]+/gu;
    const starts: number[] = [];
    const words: string[] = [];
    for (let w = WORD.exec(text); w; w = WORD.exec(text)) {
      starts.push(w.index);
      words.push(w[0].toLowerCase());
    }
    // A title match starts at its head word or up to two opener words before it.
    const candidates = (heads: Set<string>) => {
      const at: number[] = [];
      for (let k = 0; k < words.length; k++) {
        if (!heads.has(words[k]!)) continue;
        if (k >= 2 && openerSet.has(words[k - 2]!) && openerSet.has(words[k - 1]!)) at.push(starts[k - 2]!);
        if (k >= 1 && openerSet.has(words[k - 1]!)) at.push(starts[k - 1]!);
        at.push(starts[k]!);
      }
      return at;
    };
    const titleAt = candidates(countryFirst);
    const roleAt = candidates(roleFirst);
    for (const m of stickyMatches(titleRe, text, titleAt)) {
      const g = m.groups!;
      const role = g.r!.toLowerCase();
      const named = g.n && !NOT_NAMES.test(g.n.split(/\s+/)[0]!) ? nameTarget(g.n) : undefined;
      let end = m.index + m[0].length;
      if (g.n && !named) end -= g.n.length + (m[0].length - m[0].trimEnd().length) + 1;
      const c1 = countryTarget(g.c!);
      const personal =
        PERSONAL_ROLES.has(role) && !/s$/.test(m[0].slice(0, end).trimEnd().split(/\s+/).pop() ?? '');
      const base = { personal, role, sector: ROLES[role] ?? 'GOV' };
      if (named) push(m.index, end, 'title', { ...named, role });
      else if (c1) {
        const former = /\bformer\b/i.test(m[0]);
        const firstEnd = g.c2 ? m.index + m[0].indexOf(g.c!) + g.c!.length : end;
        push(m.index, firstEnd, 'title', {
          ...c1,
          ...base,
          ...(former ? { sector: 'ELI' } : {}),
          canonical: c1.canonical,
        });
        const c2 = g.c2 ? countryTarget(g.c2) : undefined;
        if (c2) push(m.index + m[0].lastIndexOf(g.c2!), end, 'title', { ...c2, ...base });
      }
    }
    for (const m of stickyMatches(roleOfRe, text, roleAt)) {
      const g = m.groups!;
      const role = g.r!.toLowerCase();
      const c = countryTarget(g.c!);
      const base = {
        role,
        personal: PERSONAL_ROLES.has(role) && !/s$/.test(g.r!),
        sector: ROLES[role] ?? 'GOV',
      };
      const c2 = g.c2 ? countryTarget(g.c2) : undefined;
      const split = c2 ? m.index + m[0].lastIndexOf(g.c2!) : m.index + m[0].length;
      if (c)
        push(m.index, c2 ? m.index + m[0].indexOf(g.c!) + g.c!.length : split, 'title', { ...c, ...base });
      if (c2) push(split, m.index + m[0].length, 'title', { ...c2, ...base });
    }
    for (const m of text.matchAll(titledNameRe)) {
      const g = m.groups!;
      if (NOT_NAMES.test(g.n!.split(/\s+/)[0]!)) continue;
      const t = nameTarget(g.n!);
      if (t) push(m.index, m.index + m[0].length, 'title', { ...t, role: g.r!.toLowerCase() });
    }
    for (const m of text.matchAll(bareRoleRe)) {
      const role = m.groups!.r!.toLowerCase();
      push(m.index, m.index + m[0].length, 'role', {
        canonical: role,
        personal: PERSONAL_ROLES.has(role),
        role,
      });
    }
    // A bare demonym adjective ("Russian shelling", "Israeli strikes"): the state, as a title-kind mention
    // that any longer title ("Russian President X") overrides.
    for (let k = 0; k < words.length; k++) {
      const at = starts[k]!;
      const c = text.charCodeAt(at);
      if (c < 65 || c > 90) continue;
      const two = k + 1 < words.length ? text.slice(at, starts[k + 1]! + words[k + 1]!.length) : '';
      const form = adjectiveForms.has(two) ? two : text.slice(at, at + words[k]!.length);
      const e = adjectiveForms.get(form);
      if (!e) continue;
      const after = text.slice(at + form.length, at + form.length + 2);
      if (/^[-'’]/.test(after)) continue;
      push(at, at + form.length, 'title', entityTarget(e));
    }
    for (const m of text.matchAll(pronounRe))
      push(m.index, m.index + m[0].length, 'pronoun', { canonical: m[0].toLowerCase(), personal: true });
    for (const m of text.matchAll(collectiveRe))
      push(m.index, m.index + m[0].length, 'pronoun', {
        canonical: m[0].toLowerCase(),
        personal: false,
        role: 'collective',
      });
    return settle(raw, text);
  }

  return {
    find,
    actorForCode: (code) => codeToActor.get(code),
    codeForActor: (actor) => actorToCode.get(actor),
  };
}

/** Non-overlapping matches of a sticky regex tried at the given positions, as `matchAll` would find them. */
function stickyMatches(re: RegExp, text: string, positions: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let lastEnd = 0;
  for (const at of positions) {
    if (at < lastEnd) continue;
    re.lastIndex = at;
    const m = re.exec(text);
    if (m && m[0].length) {
      out.push(m);
      lastEnd = at + m[0].length;
    }
  }
  return out;
}

/** Keeps the longest, most reliable mention where spans overlap; marks place uses ("in Moscow"). */
function settle(raw: ActorMention[], text: string): ActorMention[] {
  raw.sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || PRIORITY[a.kind] - PRIORITY[b.kind],
  );
  const out: ActorMention[] = [];
  for (const m of raw) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      const longer = m.end - m.start > last.end - last.start;
      const same = m.start === last.start && m.end === last.end;
      if (longer && m.start === last.start) out[out.length - 1] = m;
      else if (same && PRIORITY[m.kind] < PRIORITY[last.kind]) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  for (const m of out) {
    if (
      (m.kind === 'name' || m.kind === 'metonym') &&
      !m.personal &&
      PLACE_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start))
    )
      (m as ActorMention & { place?: boolean }).place = true;
  }
  return out;
}

/** True when a mention names a place ("talks in Moscow") rather than an actor. */
export function isPlace(m: ActorMention): boolean {
  return (m as ActorMention & { place?: boolean }).place === true;
}

/** Identity of a mention's referent for comparison: case actor id, else gazetteer code. */
export function referent(m: ActorMention): string | undefined {
  return m.actor ?? m.country;
}

/**
 * Carry-over inside a paragraph: "he"/"she" takes the one person mentioned so far in the paragraph (only if
 * exactly one distinct person was); a bare role ("the president") takes the latest mention with that role.
 * Anything ambiguous stays unresolved — a missed actor costs recall, a wrong one costs precision.
 */
export function resolveCarryOver(mentions: ActorMention[], sentences: readonly Sentence[]): void {
  let si = 0;
  let paragraph = -1;
  let people = new Map<string, ActorMention>();
  let byRole = new Map<string, ActorMention>();
  // The latest named non-person actor (a state, group or organisation) for "It" and "the group".
  let lastCollective: ActorMention | undefined;
  for (const m of mentions) {
    while (si + 1 < sentences.length && sentences[si]!.end <= m.start) si++;
    const p = sentences[si]?.paragraph ?? 0;
    if (p !== paragraph) {
      paragraph = p;
      people = new Map();
      byRole = new Map();
      lastCollective = undefined;
    }
    if (m.kind === 'pronoun' && m.role === 'collective') {
      if (lastCollective) copyReferent(m, lastCollective);
      continue;
    }
    if (m.kind === 'pronoun') {
      if (people.size === 1) copyReferent(m, [...people.values()][0]!);
      continue;
    }
    if (m.kind === 'role') {
      const prior = m.role ? byRole.get(m.role) : undefined;
      if (prior) copyReferent(m, prior);
      continue;
    }
    const key = referent(m);
    if (!key || isPlace(m)) continue;
    if (!m.personal && (m.kind === 'name' || m.kind === 'metonym')) lastCollective = m;
    if (m.personal) people.set(`${key}:${m.role ?? m.canonical}`, m);
    if (m.role) byRole.set(m.role, m);
  }
}

function copyReferent(m: ActorMention, from: ActorMention): void {
  if (from.actor) m.actor = from.actor;
  if (from.country) m.country = from.country;
  if (from.sector) m.sector = from.sector;
  m.canonical = from.canonical;
}
