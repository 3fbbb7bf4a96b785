/**
 * Applies an accepted suggestion to a case file's YAML text. The `yaml` Document API locates the target
 * sequence (its node ranges and indentation); the new entry is rendered and spliced in at that spot, so
 * every other byte of the file — comments, folding, flow lists, key order — stays as the author wrote it.
 * The result is re-parsed and refused if it would be an invalid case.
 */
import { isMap, isSeq, parseDocument, stringify, type Document, type YAMLSeq } from 'yaml';
import { parseCase, type Event, type Source, type SuggestedUpdate } from '../../index.js';

export type UpdateResult = { ok: true; text: string; summary: string } | { ok: false; message: string };

const RENDER = { lineWidth: 110, minContentWidth: 40, indent: 2 } as const;

/** A plain object without undefined values (the YAML writer would print them as null). */
function plain<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
};

/** Text with `value` appended to the sequence at `path` (created at the end of the file if missing). */
function appendToSeq(text: string, doc: Document, path: (string | number)[], value: object): string {
  const node = doc.getIn(path, true);
  const item = plain(value);
  if (isSeq(node) && node.range) {
    const seq = node as YAMLSeq;
    if (seq.flow) {
      // "[a, b]" → "[a, b, <item>]": insert before the closing bracket.
      const close = text.lastIndexOf(']', seq.range![1]);
      const flowText = stringify(item, { ...RENDER, collectionStyle: 'flow', lineWidth: 0 }).trim();
      const before = text.slice(seq.range![0] + 1, close).trim();
      return `${text.slice(0, close)}${before ? ', ' : ''}${flowText}${text.slice(close)}`;
    }
    const first = seq.items[0] as { range?: [number, number, number] } | undefined;
    const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] } | undefined;
    if (first?.range && last?.range) {
      const ls = lineStart(text, first.range[0]);
      const dash = text.lastIndexOf('-', first.range[0]);
      const indent = ' '.repeat(Math.max(0, dash - ls));
      const rendered = stringify([item], RENDER)
        .trimEnd()
        .split('\n')
        .map((l) => indent + l)
        .join('\n');
      const at = lineEnd(text, Math.max(last.range[1] - 1, last.range[0]));
      const prefix = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
      return `${text.slice(0, at)}${prefix}${rendered}\n${text.slice(at)}`;
    }
  }
  if (path.length === 1 && (node === undefined || (isSeq(node) && node.items.length === 0))) {
    const key = String(path[0]);
    const block = stringify({ [key]: [item] }, RENDER).trimEnd();
    if (node === undefined) return `${text.replace(/\s*$/, '\n')}${block}\n`;
    // "key: []": replace the empty list with a block list.
    const pair = isMap(doc.contents)
      ? doc.contents.items.find((p) => (p.key as { value?: unknown })?.value === key)
      : undefined;
    const keyNode = pair?.key as { range?: [number, number, number] } | undefined;
    if (keyNode?.range && node.range) {
      const ls = lineStart(text, keyNode.range[0]);
      return `${text.slice(0, ls)}${block}\n${text.slice(lineEnd(text, node.range[1] - 1))}`;
    }
  }
  throw new Error(`case-update: cannot find a list at ${path.join('.')}`);
}

function withSource(text: string, source: Source): string {
  const doc = parseDocument(text);
  const sources = doc.get('sources', true);
  if (isSeq(sources) && sources.items.some((n) => isMap(n) && n.get('id') === source.id)) return text;
  return appendToSeq(text, doc, ['sources'], source);
}

function parseOrFail(text: string): Document | string {
  const doc = parseDocument(text);
  return doc.errors.length ? `the case file does not parse as YAML: ${doc.errors[0]!.message}` : doc;
}

export function applyUpdate(text: string, update: SuggestedUpdate): UpdateResult {
  const first = parseOrFail(text);
  if (typeof first === 'string') return { ok: false, message: first };
  let out: string;
  try {
    out = withSource(text, update.source);
    const doc = parseDocument(out);
    if (update.kind === 'stance') {
      if (update.replaces !== undefined) {
        // A stance of the same actor, issue and date is replaced in place.
        const stances = doc.get('stances', true) as YAMLSeq | undefined;
        const target = stances?.items[update.replaces] as { range?: [number, number, number] } | undefined;
        if (!target?.range)
          return { ok: false, message: `stance #${update.replaces} is not where the case file was read` };
        const ls = lineStart(out, target.range[0]);
        const dash = out.lastIndexOf('-', target.range[0]);
        const indent = ' '.repeat(Math.max(0, dash - ls));
        const rendered = stringify([plain(update.stance)], RENDER)
          .trimEnd()
          .split('\n')
          .map((l) => indent + l)
          .join('\n');
        out = `${out.slice(0, ls)}${rendered}\n${out.slice(lineEnd(out, Math.max(target.range[1] - 1, target.range[0])))}`;
      } else out = appendToSeq(out, doc, ['stances'], update.stance);
    } else if (update.kind === 'evidence') {
      const target = doc.getIn(['stances', update.stanceIndex], true);
      if (!isMap(target))
        return { ok: false, message: `stance #${update.stanceIndex} is not where the case file was read` };
      if (isSeq(target.get('sources', true)))
        out = appendToSeq(out, doc, ['stances', update.stanceIndex, 'sources'], update.ref);
      else
        return {
          ok: false,
          message: `stance #${update.stanceIndex} has no sources list to add the quote to`,
        };
    }
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  return finish(out, update.summary);
}

export function applyEvent(text: string, event: Event, source: Source): UpdateResult {
  const first = parseOrFail(text);
  if (typeof first === 'string') return { ok: false, message: first };
  const events = first.get('events', true);
  if (isSeq(events) && events.items.some((n) => isMap(n) && n.get('id') === event.id))
    return { ok: false, message: `the case already has an event "${event.id}"` };
  let out: string;
  try {
    out = withSource(text, source);
    out = appendToSeq(out, parseDocument(out), ['events'], event);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  return finish(out, `event ${event.id} (${event.type}, ${event.date}) added`);
}

function finish(out: string, summary: string): UpdateResult {
  const check = parseCase(out);
  if (!check.ok) {
    const issue = check.issues[0]!;
    return {
      ok: false,
      message: `the updated case would be invalid (${issue.path.join('.')}: ${issue.message}); nothing was written`,
    };
  }
  return { ok: true, text: out, summary };
}
