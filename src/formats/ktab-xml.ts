/**
 * KTAB scenario files, XML flavour (KTAB smpc's XML reader, docs/models/SMP.md §2.2 and §12.5), read with
 * fast-xml-parser. Pure: text in, a KtabScenario or every located problem out.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CasePath } from '../case/issues.js';
// The nine enumerations are KTAB's vocabulary, shared with the engine that runs them (pure data).
import {
  SMP_KTAB_PARAMETER_ORDER,
  SMP_KTAB_PARAMETER_VALUES,
  SMP_KTAB_XML_PARAMETER_NAMES,
} from '../case/smp-params.js';
import {
  checkCapability,
  checkPosition,
  checkSalience,
  checkSalienceTotal,
  checkUniqueNames,
  KTAB_LIMITS,
  KtabProblems,
  parseKtabNumber,
  type KtabActor,
  type KtabParseResult,
} from './ktab-csv.js';

/** A parsed element: its tag, its child elements, its text and where it starts in the file. */
interface XmlNode {
  tag: string;
  children: XmlNode[];
  text: string;
  line: number;
  column: number;
}

/** Names used by KTAB's stale XSD that its reader does not accept (docs/models/SMP.md §12.5), with the accepted name. */
const XSD_ALIASES: Record<string, string> = { Proportional: 'Prop', No: 'None' };

const ACCOMMODATION_ROW_TOLERANCE = 1e-10;

/** Parses a KTAB XML scenario and applies KTAB's validation rules plus the checks docs/models/SMP.md recommends. */
export function parseKtabXml(text: string): KtabParseResult {
  const p = new KtabProblems();
  const source = text.replace(/^\uFEFF/, '');
  let root: XmlNode | undefined;
  try {
    const valid = XMLValidator.validate(source);
    if (valid !== true) {
      p.error('xml_syntax', [], valid.err.msg, 'fix the XML syntax', valid.err.line, valid.err.col);
      return { ok: false, issues: p.errors };
    }
    root = toTree(source);
  } catch (e) {
    // Entity-expansion limits and pathological nesting end here instead of crashing the caller.
    p.error(
      'xml_unreadable',
      [],
      `the XML cannot be read: ${e instanceof Error ? e.message : String(e)}`,
      'KTAB scenario files need no DOCTYPE entities and little nesting; remove them',
    );
    return { ok: false, issues: p.errors };
  }
  if (!root || root.tag !== 'Scenario') {
    p.error(
      'ktab_xml_root',
      [],
      `the root element must be <Scenario>; found <${root?.tag ?? 'nothing'}>`,
      'KTAB scenario files start with <Scenario>',
      root?.line,
    );
    return { ok: false, issues: p.errors };
  }
  const child = (node: XmlNode, tag: string) => node.children.find((c) => c.tag === tag);
  const children = (node: XmlNode, tag: string) => node.children.filter((c) => c.tag === tag);
  const required = (node: XmlNode, tag: string, path: CasePath, hint: string): XmlNode | undefined => {
    const found = child(node, tag);
    if (!found)
      p.error('ktab_xml_missing', path, `<${node.tag}> has no <${tag}>`, hint, node.line, node.column);
    return found;
  };

  const name = child(root, 'name')?.text ?? '';
  const description = child(root, 'desc')?.text ?? '';
  const seedNode = required(
    root,
    'prngSeed',
    ['seed'],
    'add <prngSeed>0</prngSeed> (0 lets KTAB pick a seed)',
  );
  let seed: string | undefined;
  if (seedNode) {
    seed = seedNode.text.trim();
    if (!/^\d+$/.test(seed) || BigInt(seed) >= 2n ** 64n) {
      p.error(
        'ktab_xml_seed',
        ['seed'],
        `<prngSeed> must be an unsigned 64-bit decimal integer; got "${seed}"`,
        'write a whole number from 0 to 18446744073709551615',
        seedNode.line,
        seedNode.column,
      );
    }
  }
  const parameters = readParameters(child(root, 'ModelParameters'), p);
  const dimensions = readDimensions(required(root, 'Dimensions', ['dimensions'], 'list <dName> elements'), p);
  const actorsNode = required(root, 'Actors', ['actors'], 'list the actors in <Actor> elements');
  const actorNodes = actorsNode ? children(actorsNode, 'Actor') : [];
  if (actorsNode && actorNodes.length < KTAB_LIMITS.minActors) {
    p.error(
      'ktab_actor_count',
      ['actors'],
      `SMP needs at least ${KTAB_LIMITS.minActors} actors; the file has ${actorNodes.length}`,
      'add <Actor> elements',
      actorsNode.line,
      actorsNode.column,
    );
  }
  const actors = dimensions
    ? actorNodes.map((node, i) => readActor(node, i, dimensions.length, p))
    : ([] as (KtabActor | undefined)[]);
  const complete = actors.filter((a): a is KtabActor => a !== undefined);
  checkUniqueNames(complete, p, (i) => actorNodes[i]?.line);
  const adjust = child(root, 'IdealAdjustment');
  let accommodation: number[][] | undefined;
  if (!adjust) {
    p.warn(
      'ktab_xml_no_ideal_adjustment',
      ['accommodation'],
      'no <IdealAdjustment>: ideals follow positions (identity); KTAB itself refuses such a file',
      'add <IdealAdjustment> with at least one <iaPair> for KTAB to read the file',
      root.line,
    );
  } else if (complete.length === actors.length) {
    accommodation = readAccommodation(adjust, complete, p);
  }
  if (p.errors.length > 0 || !dimensions) return { ok: false, issues: p.errors };
  return {
    ok: true,
    scenario: {
      format: 'xml',
      name,
      description,
      dimensions,
      actors: complete,
      ...(parameters ? { parameters } : {}),
      ...(accommodation ? { accommodation } : {}),
      ...(seed !== undefined ? { seed } : {}),
    },
    warnings: p.warnings,
  };
}

function toTree(source: string): XmlNode | undefined {
  const parser = new XMLParser({
    preserveOrder: true,
    captureMetaData: true,
    parseTagValue: false,
    ignoreAttributes: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: '#comment',
  });
  const meta = XMLParser.getMetaDataSymbol() as unknown as string;
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const locate = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const convert = (raw: Record<string, unknown>): XmlNode | undefined => {
    const tag = Object.keys(raw).find((key) => key !== ':@' && key !== '#text' && key !== '#comment');
    if (tag === undefined) return undefined;
    const body = (raw[tag] as Record<string, unknown>[]) ?? [];
    const offset = (raw[meta] as { startIndex?: number } | undefined)?.startIndex ?? 0;
    const children: XmlNode[] = [];
    let text = '';
    for (const item of body) {
      if ('#text' in item) text += String(item['#text']);
      else {
        const node = convert(item);
        if (node) children.push(node);
      }
    }
    return { tag, children, text: text.trim(), ...locate(offset) };
  };
  const top = (parser.parse(source) as Record<string, unknown>[]).map(convert).filter((n) => n !== undefined);
  return top[0];
}

function readParameters(node: XmlNode | undefined, p: KtabProblems): Record<string, string> | undefined {
  if (!node) return undefined;
  const out: Record<string, string> = {};
  for (const key of SMP_KTAB_PARAMETER_ORDER) {
    const tag = SMP_KTAB_XML_PARAMETER_NAMES[key];
    const allowed: readonly string[] = SMP_KTAB_PARAMETER_VALUES[key];
    const el = node.children.find((c) => c.tag === tag);
    if (!el) {
      p.error(
        'ktab_xml_missing',
        ['parameters', tag],
        `<ModelParameters> must name all nine parameters; <${tag}> is missing`,
        `add <${tag}>${allowed[0]}</${tag}> (one of ${allowed.join(', ')}) or drop <ModelParameters> for defaults`,
        node.line,
        node.column,
      );
      continue;
    }
    if (!allowed.includes(el.text)) {
      const alias = XSD_ALIASES[el.text];
      p.error(
        'ktab_xml_parameter',
        ['parameters', tag],
        `<${tag}> "${el.text}" is not one of ${allowed.join(', ')}`,
        alias && allowed.includes(alias)
          ? `KTAB's schema file says "${el.text}" but its reader wants "${alias}"`
          : `use one of ${allowed.join(', ')}`,
        el.line,
        el.column,
      );
      continue;
    }
    out[tag] = el.text;
  }
  return out;
}

function readDimensions(node: XmlNode | undefined, p: KtabProblems): string[] | undefined {
  if (!node) return undefined;
  const names = node.children.filter((c) => c.tag === 'dName');
  if (names.length === 0) {
    p.error(
      'ktab_dimension_count',
      ['dimensions'],
      '<Dimensions> lists no <dName>',
      'add one <dName> per issue',
      node.line,
    );
    return undefined;
  }
  names.forEach((d, k) => {
    if (d.text === '')
      p.error(
        'ktab_xml_empty',
        ['dimensions', k],
        'a <dName> is empty',
        'name the dimension',
        d.line,
        d.column,
      );
    else if (d.text.length > KTAB_LIMITS.maxDimensionName) {
      p.error(
        'ktab_too_long',
        ['dimensions', k],
        `dimension name has ${d.text.length} characters; KTAB allows ${KTAB_LIMITS.maxDimensionName}`,
        'shorten it',
        d.line,
        d.column,
      );
    }
  });
  return names.map((d) => d.text);
}

function readActor(node: XmlNode, i: number, nDims: number, p: KtabProblems): KtabActor | undefined {
  const path: CasePath = ['actors', i];
  const errorsBefore = p.errors.length;
  const get = (tag: string) => node.children.find((c) => c.tag === tag);
  const nameNode = get('name');
  const name = nameNode?.text ?? '';
  const who = name || `actor ${i + 1}`;
  for (const tag of ['name', 'description'] as const) {
    const el = get(tag);
    if (!el || el.text === '') {
      p.error(
        'ktab_xml_empty',
        [...path, tag],
        `${who}: <${tag}> is missing or empty`,
        `give the actor a ${tag}`,
        el?.line ?? node.line,
        el?.column ?? node.column,
      );
    }
  }
  if (name.length > KTAB_LIMITS.maxActorName) {
    p.error(
      'ktab_actor_name',
      [...path, 'name'],
      `actor names have at most ${KTAB_LIMITS.maxActorName} characters; "${name}" has ${name.length}`,
      'shorten the name',
      nameNode?.line,
    );
  }
  const number = (el: XmlNode | undefined, where: CasePath, label: string): number | undefined => {
    const x = el ? parseKtabNumber(el.text) : undefined;
    if (x === undefined) {
      p.error(
        'ktab_not_a_number',
        [...path, ...where],
        el ? `${who}: ${label} "${el.text}" is not a number` : `${who}: ${label} is missing`,
        'write a plain decimal number such as 42.5',
        el?.line ?? node.line,
        el?.column ?? node.column,
      );
    }
    return x;
  };
  const capEl = get('capability');
  const capability = number(capEl, ['capability'], 'capability');
  if (capability !== undefined)
    checkCapability(capability, who, [...path, 'capability'], p, capEl?.line, capEl?.column);
  const vector = (tag: string, item: string, label: string, check: typeof checkPosition): number[] => {
    const el = get(tag);
    const items = el ? el.children.filter((c) => c.tag === item) : [];
    if (!el || items.length !== nDims) {
      p.error(
        'ktab_xml_count',
        [...path, label],
        `${who}: <${tag}> needs exactly ${nDims} <${item}> (one per dimension); found ${items.length}`,
        `list one <${item}> per <dName>`,
        el?.line ?? node.line,
        el?.column ?? node.column,
      );
      return [];
    }
    return items.map((x, d) => {
      const v = number(x, [label, d], `${label} on dimension ${d + 1}`);
      if (v !== undefined) check(v, who, d, [...path, label, d], p, x.line, x.column);
      return v ?? NaN;
    });
  };
  // KTAB's XML reader does not range-check coordinates; we apply the CSV rule to both (docs/models/SMP.md §2.2).
  const position = vector('Position', 'dCoord', 'position', checkPosition);
  const salience = vector('Salience', 'dSal', 'salience', checkSalience);
  if (salience.length === nDims)
    checkSalienceTotal(salience, who, [...path, 'salience'], p, get('Salience')?.line);
  if (p.errors.length > errorsBefore) return undefined;
  return { name, description: get('description')!.text, capability: capability!, position, salience };
}

function readAccommodation(node: XmlNode, actors: KtabActor[], p: KtabProblems): number[][] {
  const n = actors.length;
  const a: number[][] = actors.map((_, i) => actors.map((__, j) => (i === j ? 1 : 0)));
  const pairs = node.children.filter((c) => c.tag === 'iaPair');
  if (pairs.length === 0) {
    p.error(
      'ktab_xml_missing',
      ['accommodation'],
      '<IdealAdjustment> holds no <iaPair>',
      'add at least one <iaPair>, or remove <IdealAdjustment>',
      node.line,
      node.column,
    );
  }
  const indexOf = (el: XmlNode | undefined, what: string, k: number): number | undefined => {
    const idx = el ? actors.findIndex((x) => x.name === el.text) : -1;
    if (idx < 0) {
      p.error(
        'ktab_xml_actor_not_found',
        ['accommodation', k, what],
        el ? `<${what}> "${el.text}" names no actor` : `<iaPair> has no <${what}>`,
        'use an actor’s <name> exactly as written',
        el?.line ?? node.line,
        el?.column,
      );
      return undefined;
    }
    return idx;
  };
  pairs.forEach((pair, k) => {
    const get = (tag: string) => pair.children.find((c) => c.tag === tag);
    const i = indexOf(get('adjustingIdeal'), 'adjustingIdeal', k);
    const j = indexOf(get('referencePos'), 'referencePos', k);
    const adj = get('adjust');
    const value = adj ? parseKtabNumber(adj.text) : undefined;
    if (value === undefined || value < 0 || value > 1) {
      p.error(
        'ktab_xml_adjust',
        ['accommodation', k, 'adjust'],
        adj ? `<adjust> "${adj.text}" must be a number within 0–1` : '<iaPair> has no <adjust>',
        'write a weight between 0 and 1',
        adj?.line ?? pair.line,
        adj?.column,
      );
      return;
    }
    if (i !== undefined && j !== undefined) a[i]![j] = value;
  });
  for (let i = 0; i < n; i++) {
    const sum = a[i]!.reduce((s, x) => s + x, 0);
    if (sum > 1 + ACCOMMODATION_ROW_TOLERANCE) {
      p.error(
        'ktab_xml_adjust_sum',
        ['accommodation', actors[i]!.name],
        `the weights of ${actors[i]!.name}'s ideal sum to ${+sum.toFixed(10)}, more than 1`,
        'the actor’s own weight stays 1 unless an <iaPair> sets it; lower the weights so they add up to at most 1',
        node.line,
      );
    }
  }
  return a;
}
