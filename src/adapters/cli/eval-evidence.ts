/**
 * `npm run eval:evidence`: runs the evidence pipeline over three evaluation parts and prints precision,
 * recall and F1 per event type and claim direction for each, and a reliability table (confidence bins vs
 * observed precision):
 * - `dev`: the development gold set, fixtures/evidence/gold/ (the rules were developed on it);
 * - `petr2`: ../shared/reference/events/dev/PETR2_GSR_validation.xml (third-party wire sentences, read at
 *   run time and never copied), converted to the gold format at PLOVER level: CAMEO codes → PLOVER events
 *   through ../shared/reference/events/CAMEO2PLOVER-2021.txt, actor codes → a generic case of states;
 * - `test`: the frozen test part, fixtures/evidence/test/<conflict>/ (never tuned on; see its SOURCE.md).
 * Flags: `--json` for the reports, `--errors` to list misses and spurious extractions of the dev parts
 * (`--errors=test` also for the frozen part, for the final write-up only), `--part=dev|petr2|test`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import Table from 'cli-table3';
import countries from 'world-countries/countries.json' with { type: 'json' };
import {
  analyseArticle,
  createEvidenceModel,
  evaluateExtraction,
  parseCase,
  reliability,
  type EvaluationReport,
  type EvidenceEvent,
  type GoldItem,
  type Prf,
} from '../../index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const GOLD_DIR = join(HERE, '../../../fixtures/evidence/gold');
const TEST_DIR = join(HERE, '../../../fixtures/evidence/test');
const REFERENCE = join(HERE, '../../../../shared/reference/events');
export const PETR2_FILE = join(REFERENCE, 'dev/PETR2_GSR_validation.xml');
const CAMEO2PLOVER = join(REFERENCE, 'CAMEO2PLOVER-2021.txt');

function readItems(file: string): GoldItem[] {
  const list = (parseYaml(readFileSync(file, 'utf8')) as GoldItem[] | null) ?? [];
  return list.map((it) => ({
    ...it,
    date: it.date ? String(it.date) : undefined!,
    events: it.events ?? [],
    claims: it.claims ?? [],
  }));
}

export function loadGold(dir = GOLD_DIR): { items: GoldItem[]; caseText: string } {
  const caseText = readFileSync(join(dir, 'case.yaml'), 'utf8');
  const items: GoldItem[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => /^items-.*\.ya?ml$/.test(n))
    .sort())
    items.push(...readItems(join(dir, f)));
  return { items, caseText };
}

interface CasePart {
  name: string;
  caseText: string;
  items: GoldItem[];
}

/** One scored part: the items of one or more cases, their predictions and the report. */
export interface PartResult {
  items: GoldItem[];
  sentences: number;
  /** Events matched on (type, source actor): the headline measure. */
  report: EvaluationReport;
  /** Events matched on (type, whole actor set): the stricter measure of the development set's history. */
  strict: EvaluationReport;
}

function runCases(parts: CasePart[], scoreAs: 'type' | 'plover' = 'type'): PartResult {
  const items: GoldItem[] = [];
  const predicted = new Map<string, ReturnType<typeof analyseArticle>>();
  const parent = new Map<string, string>();
  let sentences = 0;
  for (const part of parts) {
    const parsed = parseCase(part.caseText);
    if (!parsed.ok)
      throw new Error(`${part.name}: case does not parse: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
    const model = createEvidenceModel(parsed.case);
    for (const a of parsed.case.actors) if (a.kind === 'person' && a.parent) parent.set(a.id, a.parent);
    for (const it of part.items) {
      const id = parts.length > 1 ? `${part.name}/${it.id}` : it.id;
      const a = analyseArticle({ text: it.text, ...(it.date ? { date: it.date } : {}) }, model);
      sentences += a.sentences.length;
      predicted.set(id, a);
      items.push({ ...it, id });
    }
  }
  // Leaders are scored as their party (the gold sets name parties); see evaluate.ts.
  const partyOf = (id: string) => parent.get(id) ?? id;
  const typeOf = scoreAs === 'plover' ? (e: EvidenceEvent) => e.plover : (e: EvidenceEvent) => e.type;
  const report = evaluateExtraction(items, predicted, partyOf, typeOf, 'source');
  const strict = evaluateExtraction(items, predicted, partyOf, typeOf, 'actors');
  return { items, sentences, report, strict };
}

export function runGold(dir = GOLD_DIR): PartResult {
  const { items, caseText } = loadGold(dir);
  return runCases([{ name: 'dev', caseText, items }]);
}

/** The frozen test part: one folder per conflict with `case.yaml` and `items.yaml`. */
export function runFrozenTest(dir = TEST_DIR): PartResult {
  const parts = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      caseText: readFileSync(join(dir, name, 'case.yaml'), 'utf8'),
      items: readItems(join(dir, name, 'items.yaml')),
    }));
  return runCases(parts);
}

/** CAMEO code → PLOVER event from the shipped conversion table (first column pair of each row). */
export function cameoToPlover(tableText: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of tableText.split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (m && !map.has(m[1]!)) map.set(m[1]!, m[2]!);
  }
  return map;
}

/** International actors of the Phoenix dictionaries that appear in the file, by code prefix. */
const INTERNATIONAL: Record<string, string> = {
  IGOUNO: 'United Nations',
  IGOEUREEC: 'European Union',
  IGOCOPITP: 'Interpol',
  IMGMUSISI: 'Islamic State',
};

/** An actor code's party: the international prefix when known, else the three-letter state code. */
export function partyCode(code: string): string {
  for (const k of Object.keys(INTERNATIONAL)) if (code.startsWith(k)) return k;
  return code.slice(0, 3);
}

/** PETR2's records in the gold format (PLOVER types) with a generic case built from the codes. */
export function loadPetr2(xml: string, table: Map<string, string>): CasePart {
  const items: GoldItem[] = [];
  const codes = new Set<string>();
  for (const block of xml.split('<Sentence ').slice(1)) {
    const id = /\bid="([^"]+)"/.exec(block)?.[1] ?? `s${items.length}`;
    const date = /\bdate="(\d{4})(\d{2})(\d{2})"/.exec(block);
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(block)?.[1]?.replace(/\s+/g, ' ').trim() ?? '';
    const events: GoldItem['events'] = [];
    for (const m of block.matchAll(/<EventCoding\s+([^>]*)\/>/g)) {
      const attrs = m[1]!;
      const code = /eventcode="(\d+)"/.exec(attrs)?.[1];
      const src = /sourcecode="([^"]*)"/.exec(attrs)?.[1];
      const tgt = /targetcode="([^"]*)"/.exec(attrs)?.[1];
      if (!code || !src) continue;
      const plover = table.get(code) ?? table.get(code.slice(0, 3)) ?? table.get(code.slice(0, 2));
      if (!plover) continue;
      const s = partyCode(src);
      const t = tgt ? partyCode(tgt) : undefined;
      codes.add(s);
      if (t) codes.add(t);
      events.push({ type: plover, actors: [s.toLowerCase()], ...(t ? { targets: [t.toLowerCase()] } : {}) });
    }
    items.push({
      id,
      text,
      ...(date ? { date: `${date[1]}-${date[2]}-${date[3]}` } : {}),
      events,
      claims: [],
    } as GoldItem);
  }
  const byCode = new Map(countries.map((c) => [c.cca3, c.name.common]));
  const actors = [...codes]
    .filter((c) => INTERNATIONAL[c] || byCode.has(c))
    .sort()
    .map((c) => ({
      id: c.toLowerCase(),
      name: INTERNATIONAL[c] ?? byCode.get(c)!,
      kind: INTERNATIONAL[c] ? 'organisation' : 'state',
    }));
  const caseText = JSON.stringify({ format: 1, id: 'petr2', title: 'PETR2 validation', actors,
    issues: [{ id: 'none', name: 'No issue (events only)', scale: { kind: 'continuous', anchors: [] } }],
  });
  return { name: 'petr2', caseText, items };
}

export function runPetr2(): PartResult | undefined {
  if (!existsSync(PETR2_FILE) || !existsSync(CAMEO2PLOVER)) return undefined;
  const part = loadPetr2(readFileSync(PETR2_FILE, 'utf8'), cameoToPlover(readFileSync(CAMEO2PLOVER, 'utf8')));
  return runCases([part], 'plover');
}

const pct = (x: number) => `${(x * 100).toFixed(1)}`;
const row = (name: string, p: Prf) => [
  name,
  String(p.tp),
  String(p.fp),
  String(p.fn),
  pct(p.precision),
  pct(p.recall),
  pct(p.f1),
];
const fmt = (x: number | null) => (x === null ? 'n/a' : `${pct(x)} %`);

function printPart(title: string, r: PartResult): void {
  const head = ['TP', 'FP', 'FN', 'P %', 'R %', 'F1 %'];
  const events = new Table({ head: ['event type + source actor', ...head] });
  for (const [k, v] of Object.entries(r.report.events.byType)) events.push(row(k, v));
  events.push(row('ALL (micro)', r.report.events.total));
  events.push(row('ALL, whole actor set', r.strict.events.total));
  const out = [`\n== ${title}: ${r.items.length} items, ${r.sentences} sentences ==\n`, events.toString()];
  if (r.items.some((i) => i.claims.length)) {
    const claims = new Table({ head: ['claim direction', ...head] });
    for (const [k, v] of Object.entries(r.report.claims.byDirection)) claims.push(row(k, v));
    claims.push(row('ALL (micro)', r.report.claims.total));
    out.push(claims.toString());
    const gold = r.items.flatMap((i) => i.claims.filter((c) => c.redLine).map((c) => ({ i: i.id, c })));
    out.push(
      `red lines: ${redLineFound(r)} of ${gold.length} gold red-line claims found with the flag, ${redLineInvented(r)} flags invented`,
    );
  }
  out.push(
    `on matched items: event targets ${fmt(r.report.targetAccuracy)}, modes ${fmt(r.report.modeAccuracy)}, claim red-line flag ${fmt(r.report.claims.redLineAccuracy)}, claim position ${fmt(r.report.claims.positionAccuracy)}`,
  );
  const rel = new Table({ head: ['confidence', 'n', 'correct', 'precision %', 'mean conf.'] });
  for (const b of reliability(r.report.scored))
    rel.push([
      `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
      String(b.n),
      String(b.correct),
      b.precision === null ? '–' : pct(b.precision),
      b.meanConfidence === null ? '–' : b.meanConfidence.toFixed(2),
    ]);
  const high = r.report.scored.filter((s) => s.confidence >= 0.8);
  out.push(`reliability (events and claims):\n${rel.toString()}`);
  out.push(
    `suggestions at confidence ≥ 0.8: ${high.length}, right ${high.length ? pct(high.filter((s) => s.correct).length / high.length) : '–'} %`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Gold red-line claims matched by a prediction that carries the flag. */
export function redLineFound(r: PartResult): number {
  return r.report.redLines.found;
}
/** Predicted red-line flags on claims whose gold claim has no red line (or that match no gold claim). */
export function redLineInvented(r: PartResult): number {
  return r.report.redLines.invented;
}

function main(argv: string[]): void {
  const only = argv.find((a) => a.startsWith('--part='))?.slice(7);
  const want = (p: string) => !only || only === p;
  const parts: Array<[string, PartResult | undefined]> = [];
  if (want('dev')) parts.push(['dev: development gold set (fixtures/evidence/gold)', runGold()]);
  if (want('petr2')) {
    const p = runPetr2();
    if (!p) process.stdout.write('\n(petr2 skipped: ../shared/reference/events is absent)\n');
    parts.push(['petr2: PETR2 wire sentences, PLOVER types (development)', p]);
  }
  if (want('test')) parts.push(['test: frozen test part (fixtures/evidence/test)', runFrozenTest()]);
  if (argv.includes('--json')) {
    const json = Object.fromEntries(
      parts.filter(([, r]) => r).map(([k, r]) => [k.split(':')[0], { ...r!.report, scored: undefined }]),
    );
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  for (const [title, r] of parts) if (r) printPart(title, r);
  const errorsFor = argv.find((a) => a.startsWith('--errors'));
  if (errorsFor)
    for (const [title, r] of parts) {
      if (!r || (title.startsWith('test') && errorsFor !== '--errors=test')) continue;
      for (const e of r.report.errors)
        process.stdout.write(`${title.split(':')[0]}\t${e.item}\t${e.kind}\t${e.error}\t${e.key}\n`);
    }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
