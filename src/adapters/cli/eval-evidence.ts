/**
 * `npm run eval:evidence`: runs the evidence pipeline over the gold set in fixtures/evidence/gold/ and prints
 * precision, recall and F1 per event type and claim direction (`--json` for the report, `--errors` to list
 * every miss and spurious extraction).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import Table from 'cli-table3';
import {
  analyseArticle,
  createEvidenceModel,
  evaluateExtraction,
  parseCase,
  type GoldItem,
  type Prf,
} from '../../index.js';

const GOLD_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/evidence/gold');

export function loadGold(dir = GOLD_DIR): { items: GoldItem[]; caseText: string } {
  const caseText = readFileSync(join(dir, 'case.yaml'), 'utf8');
  const items: GoldItem[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => /^items-.*\.ya?ml$/.test(n))
    .sort()) {
    const list = parseYaml(readFileSync(join(dir, f), 'utf8')) as GoldItem[];
    for (const it of list)
      items.push({
        ...it,
        date: it.date ? String(it.date) : undefined!,
        events: it.events ?? [],
        claims: it.claims ?? [],
      });
  }
  return { items, caseText };
}

export function runGold(dir = GOLD_DIR) {
  const { items, caseText } = loadGold(dir);
  const parsed = parseCase(caseText);
  if (!parsed.ok) throw new Error(`gold case does not parse: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  const model = createEvidenceModel(parsed.case);
  const predicted = new Map<string, ReturnType<typeof analyseArticle>>();
  let sentences = 0;
  for (const it of items) {
    const a = analyseArticle({ text: it.text, ...(it.date ? { date: it.date } : {}) }, model);
    sentences += a.sentences.length;
    predicted.set(it.id, a);
  }
  // Leaders are scored as their party (the gold set names parties); see evaluate.ts.
  const parent = new Map(
    parsed.case.actors.filter((a) => a.kind === 'person' && a.parent).map((a) => [a.id, a.parent!]),
  );
  const partyOf = (id: string) => parent.get(id) ?? id;
  return { items, sentences, report: evaluateExtraction(items, predicted, partyOf), predicted };
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

function main(argv: string[]): void {
  const { items, sentences, report } = runGold();
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ items: items.length, sentences, ...report }, null, 2)}\n`);
    return;
  }
  const head = ['', 'TP', 'FP', 'FN', 'P %', 'R %', 'F1 %'];
  const events = new Table({ head: ['event type', ...head.slice(1)] });
  for (const [k, v] of Object.entries(report.events.byType)) events.push(row(k, v));
  events.push(row('ALL (micro)', report.events.total));
  const claims = new Table({ head: ['claim direction', ...head.slice(1)] });
  for (const [k, v] of Object.entries(report.claims.byDirection)) claims.push(row(k, v));
  claims.push(row('ALL (micro)', report.claims.total));
  const fmt = (x: number | null) => (x === null ? 'n/a' : `${pct(x)} %`);
  process.stdout.write(
    `Evidence gold set: ${items.length} items, ${sentences} sentences\n\n${events.toString()}\n\n${claims.toString()}\n`,
  );
  process.stdout.write(
    `\nOn matched items: event targets ${fmt(report.targetAccuracy)}, claim red-line flag ${fmt(report.claims.redLineAccuracy)}, claim position ${fmt(report.claims.positionAccuracy)}\n`,
  );
  process.stdout.write(
    `Targets: events F1 ≥ 80 %, claims P ≥ 85 % and R ≥ 75 % — events F1 ${pct(report.events.total.f1)} %, claims P ${pct(report.claims.total.precision)} % R ${pct(report.claims.total.recall)} %\n`,
  );
  if (argv.includes('--errors'))
    for (const e of report.errors) process.stdout.write(`${e.item}\t${e.kind}\t${e.error}\t${e.key}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
