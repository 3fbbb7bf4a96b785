/** KTAB XML reader: the shipped files read as docs/models/SMP.md §2.2 describes, and its validation rules, located. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKtabCsv, type KtabParseResult } from './ktab-csv.js';
import { parseKtabXml } from './ktab-xml.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/ktab/inputs/${name}`, import.meta.url), 'utf8');

function scenarioOf(r: KtabParseResult) {
  if (!r.ok) throw new Error(`unexpected issues: ${JSON.stringify(r.issues)}`);
  return r.scenario;
}

function issuesOf(r: KtabParseResult) {
  if (r.ok) throw new Error('expected the file to be rejected');
  return r.issues;
}

const PARAMS: Record<string, string> = {
  VictoryProbModel: 'Linear',
  PCEModel: 'Conditional',
  StateTransitions: 'Deterministic',
  VotingRule: 'Prop',
  BigRAdjust: 'OneThird',
  BigRRange: 'Mid',
  ThirdPartyCommit: 'SemiCommit',
  InterVecBrgn: 'S2P2',
  BargnModel: 'InitOnlyInterp',
};

function xml(options: { params?: Record<string, string> | null; pairs?: string; extraActor?: string } = {}) {
  const params =
    options.params === null
      ? ''
      : `<ModelParameters>${Object.entries(options.params ?? PARAMS)
          .map(([k, v]) => `<${k}>${v}</${k}>`)
          .join('')}</ModelParameters>`;
  const actor = (name: string, cap: string, pos: string[], sal: string[]) =>
    `<Actor><name>${name}</name><description>d</description><capability>${cap}</capability>` +
    `<Position>${pos.map((p) => `<dCoord>${p}</dCoord>`).join('')}</Position>` +
    `<Salience>${sal.map((s) => `<dSal>${s}</dSal>`).join('')}</Salience></Actor>`;
  return [
    '<?xml version="1.0"?>',
    '<Scenario>',
    '<name>T</name><desc>D</desc><prngSeed>42</prngSeed>',
    params,
    '<Dimensions><dName>X</dName><dName>Y</dName></Dimensions>',
    '<Actors>',
    actor('A', '10', ['20', '30'], ['40', '50']),
    actor('B', '20', ['60', '20'], ['10', '10']),
    options.extraActor ?? actor('C', '30', ['90', '5'], ['95', '5']),
    '</Actors>',
    `<IdealAdjustment>${options.pairs ?? '<iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>B</referencePos><adjust>0.2</adjust></iaPair><iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>A</referencePos><adjust>0.8</adjust></iaPair>'}</IdealAdjustment>`,
    '</Scenario>',
  ].join('\n');
}

describe('reading the shipped KTAB XML files', () => {
  it('smpExample-as-of-2017-05-30: parameters, seed and the accommodation matrix of docs/models/SMP.md §2.2', () => {
    const s = scenarioOf(parseKtabXml(fixture('smpExample-as-of-2017-05-30.xml')));
    expect(s.actors.map((a) => a.name)).toEqual(['Alice', 'Bob', 'Carol', 'David', 'Ellie']);
    expect(s.actors[0]!.position[0]).toBe(52.8);
    expect(s.seed).toBe('03507583219545544127');
    expect(s.parameters).toMatchObject({
      PCEModel: 'MarkovIncentive',
      StateTransitions: 'Stochastic',
      VotingRule: 'PropCbc',
    });
    expect(s.accommodation).toEqual([
      [0.87, 0, 0, 0, 0],
      [0.07, 0.75, 0, 0, 0],
      [0, 0, 0.65, 0.13, 0],
      [0, 0, 0, 0.57, 0],
      [0, 0, 0, 0, 1],
    ]);
  });

  it('smpExample.xml (current KTAB) fails on its empty <dCoord>, located at line 32', () => {
    expect(issuesOf(parseKtabXml(fixture('smpExample.xml')))).toEqual([
      expect.objectContaining({ code: 'ktab_not_a_number', path: ['actors', 0, 'position', 0], line: 32 }),
    ]);
  });

  it('dummyData_3Dim.xml loads (with a warning: KTAB wants <IdealAdjustment>) and matches the CSV', () => {
    const r = parseKtabXml(fixture('dummyData_3Dim.xml'));
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['ktab_xml_no_ideal_adjustment']);
    const fromXml = scenarioOf(r);
    const fromCsv = scenarioOf(parseKtabCsv(fixture('dummyData_3Dim.csv')));
    expect(fromXml.accommodation).toBeUndefined();
    expect(fromXml.actors.map(({ description: _, ...a }) => a)).toEqual(
      fromCsv.actors.map(({ description: _, ...a }) => a),
    );
  });
});

describe('KTAB XML validation rules', () => {
  it('a valid file', () => {
    const s = scenarioOf(parseKtabXml(xml()));
    expect(s.accommodation![0]).toEqual([0.8, 0.2, 0]);
    expect(s.parameters).toEqual(PARAMS);
  });

  it('malformed XML is located', () => {
    expect(issuesOf(parseKtabXml('<Scenario>\n<name>x</nam>\n</Scenario>'))[0]).toMatchObject({
      code: 'xml_syntax',
      line: 2,
    });
  });

  it('the XSD’s enumeration names are refused with the name KTAB’s reader wants (docs/models/SMP.md §12.5)', () => {
    const issues = issuesOf(parseKtabXml(xml({ params: { ...PARAMS, VotingRule: 'Proportional' } })));
    expect(issues[0]).toMatchObject({ code: 'ktab_xml_parameter', hint: expect.stringContaining('"Prop"') });
  });

  it('all nine parameters are required once <ModelParameters> is present', () => {
    const { BargnModel: _, ...eight } = PARAMS;
    expect(issuesOf(parseKtabXml(xml({ params: eight })))[0]).toMatchObject({
      code: 'ktab_xml_missing',
      path: ['parameters', 'BargnModel'],
    });
  });

  it('no <ModelParameters> means defaults', () => {
    expect(scenarioOf(parseKtabXml(xml({ params: null }))).parameters).toBeUndefined();
  });

  it('<prngSeed> is required', () => {
    expect(issuesOf(parseKtabXml(xml().replace('<prngSeed>42</prngSeed>', '')))[0]).toMatchObject({
      code: 'ktab_xml_missing',
      path: ['seed'],
    });
  });

  it('accommodation pairs must name actors exactly', () => {
    const pairs =
      '<iaPair><adjustingIdeal>a</adjustingIdeal><referencePos>B</referencePos><adjust>0.2</adjust></iaPair>';
    expect(issuesOf(parseKtabXml(xml({ pairs })))[0]).toMatchObject({ code: 'ktab_xml_actor_not_found' });
  });

  it('an actor’s accommodation weights may not sum above 1', () => {
    const pairs =
      '<iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>B</referencePos><adjust>0.2</adjust></iaPair>';
    expect(issuesOf(parseKtabXml(xml({ pairs })))[0]).toMatchObject({ code: 'ktab_xml_adjust_sum' });
  });

  it('exactly one <dCoord> per dimension', () => {
    const extraActor =
      '<Actor><name>C</name><description>d</description><capability>3</capability><Position><dCoord>1</dCoord></Position><Salience><dSal>1</dSal><dSal>1</dSal></Salience></Actor>';
    expect(issuesOf(parseKtabXml(xml({ extraActor })))[0]).toMatchObject({
      code: 'ktab_xml_count',
      path: ['actors', 2, 'position'],
    });
  });

  it('capability must be above 0 and positions within 0–100 (KTAB skips the latter in XML)', () => {
    const extraActor =
      '<Actor><name>C</name><description>d</description><capability>0</capability><Position><dCoord>1</dCoord><dCoord>140</dCoord></Position><Salience><dSal>1</dSal><dSal>1</dSal></Salience></Actor>';
    expect(issuesOf(parseKtabXml(xml({ extraActor }))).map((i) => i.code)).toEqual([
      'ktab_capability',
      'ktab_position_range',
    ]);
  });
});

describe('hostile XML', () => {
  it('entity expansion bombs are refused with an issue, not a crash', () => {
    const lol = ['<!DOCTYPE s [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'];
    for (let k = 1; k < 12; k++)
      lol.push(`<!ENTITY ${'a'.repeat(k + 1)} "${`&${'a'.repeat(k)};`.repeat(10)}">`);
    const text = `${lol.join('')}]><Scenario><name>&${'a'.repeat(12)};</name></Scenario>`;
    const r = parseKtabXml(text);
    expect(r.ok).toBe(false);
  });

  it('deep nesting is refused with an issue, not a stack overflow', () => {
    const depth = 20000;
    const r = parseKtabXml(`<Scenario>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</Scenario>`);
    expect(r.ok).toBe(false);
  });
});
