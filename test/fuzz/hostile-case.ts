/**
 * A seeded generator of hostile case files: valid cases bent line by line (deleted, duplicated, re-indented,
 * characters flipped) and laced with the inputs that broke parsers before — deep brackets and block nesting,
 * long flow lists, many keys, anchors aliased many times, unclosed quotes, tabs, control bytes, complex keys,
 * extreme numbers, multiple documents, CR-only line breaks. The same seed gives the same files. Sizes stay
 * CI-sized (a few thousand items); the megabyte versions of each bomb are in bench/parse-bombs.ts and
 * src/case/parse-hostile.test.ts.
 */
import { createRandom, type Random } from '../../src/kit/random.js';

export interface HostileCase {
  kind: string;
  text: string;
}

const pick = <T>(rng: Random, list: readonly T[]): T => list[rng.int(list.length)]!;
/** A size drawn log-uniformly from [lo, hi]: most are small, a few large. */
const size = (rng: Random, lo: number, hi: number) => Math.floor(lo * Math.pow(hi / lo, rng.next()));

const NUMBERS = [
  '1e308',
  '-1e308',
  '1e-320',
  '.inf',
  '-.inf',
  '.nan',
  '-0',
  '0x1F',
  '1_000',
  '9'.repeat(400),
];
const SCALARS = [
  'Note: colon inside',
  'a, b, c',
  '"unclosed',
  "'also unclosed",
  '[object Object]',
  '__proto__',
  'constructor',
  '~',
  'null',
  '2025-02-30',
  '99999-01-01',
  '\u202e\u200b\ufeff',
  '# not a comment?',
  '&anchor value',
  '*missing',
  '!!binary aGVsbG8=',
  '!!js/function "function(){}"',
  '<<: *nothing',
  '{ a: 1',
  '- - -',
  '|',
  '>-',
  ...NUMBERS,
];

/** Hostile fragments, each a few lines of YAML placed somewhere in a case. */
function fragment(rng: Random): { kind: string; text: string } {
  switch (rng.int(16)) {
    case 0: {
      const d = size(rng, 10, 100_000);
      return {
        kind: 'deep-brackets',
        text: `deep: ${'['.repeat(d)}${rng.next() < 0.5 ? ']'.repeat(d) : ''}`,
      };
    }
    case 1: {
      const d = size(rng, 10, 3000);
      return {
        kind: 'deep-blocks',
        text: Array.from({ length: d }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1',
      };
    }
    case 2: {
      const d = size(rng, 10, 3000);
      return { kind: 'deep-dashes', text: `seq:\n${'- '.repeat(d)}1` };
    }
    case 3: {
      const n = size(rng, 10, 3000);
      return { kind: 'long-flow', text: `long: [${Array.from({ length: n }, (_, i) => i).join(', ')}]` };
    }
    case 4: {
      const n = size(rng, 10, 2000);
      return {
        kind: 'many-keys',
        text: `wide:\n${Array.from({ length: n }, (_, i) => `  key${i}: ${i}`).join('\n')}`,
      };
    }
    case 5: {
      const n = size(rng, 2, 3000);
      return {
        kind: 'aliases',
        text: `anchor: &a [1, 2, 3]\nrefs: [${Array(n).fill('*a').join(', ')}]`,
      };
    }
    case 6: {
      const n = size(rng, 10, 1000);
      const k = size(rng, 2, 900);
      return {
        kind: 'huge-anchor',
        text: `big: &b [${Array(n).fill('x').join(', ')}]\nmany: [${Array(k).fill('*b').join(', ')}]`,
      };
    }
    case 7: {
      // Billion laughs: each level aliases the previous one ten times.
      const levels = 2 + rng.int(8);
      const lines = ['l0: &l0 [lol]'];
      for (let i = 1; i <= levels; i++)
        lines.push(
          `l${i}: &l${i} [${Array(10)
            .fill(`*l${i - 1}`)
            .join(', ')}]`,
        );
      return { kind: 'laughs', text: lines.join('\n') };
    }
    case 8:
      return {
        kind: 'complex-key',
        text: pick(rng, ['? [a, b]\n: 1', '? { a: 1 }\n: 2', '[x]: 1', '{y: 1}: 2']),
      };
    case 9:
      return {
        kind: 'unclosed',
        text: pick(rng, ['title: "open', "title: 'open", 'actors: [1, 2', 'x: { a: 1']),
      };
    case 10:
      return { kind: 'tab', text: 'tabbed:\n\tkey: 1' };
    case 11:
      return { kind: 'control', text: `junk: a${String.fromCharCode(rng.int(9))}b` };
    case 12:
      return { kind: 'docs', text: '---\nsecond: document\n...\n---\nthird: 1' };
    case 13: {
      const n = size(rng, 100, 200_000);
      return { kind: 'long-string', text: `description: ${'x'.repeat(n)}` };
    }
    case 14:
      return {
        kind: 'block-scalar',
        text: `description: |\n${Array.from({ length: size(rng, 2, 500) }, (_, i) => `  ${' '.repeat(i % 7)}${'['.repeat(i % 90)}`).join('\n')}`,
      };
    default:
      return { kind: 'scalar', text: `odd: ${pick(rng, SCALARS)}` };
  }
}

/** Small edits to a line: the everyday mistakes (indent, flipped characters, lost colons). */
function bend(rng: Random, line: string): string {
  switch (rng.int(7)) {
    case 0:
      return ` ${line}`;
    case 1:
      return line.replace(/^ {1,2}/, '');
    case 2:
      return line.replace(': ', ' ');
    case 3: {
      const at = rng.int(line.length + 1);
      return (
        line.slice(0, at) +
        pick(rng, ['[', ']', '{', '}', ',', ':', '"', "'", '#', '&', '*', '!', '|', '-', '?', '\t']) +
        line.slice(at)
      );
    }
    case 4:
      return line.replace(/\d+/, pick(rng, NUMBERS));
    case 5:
      return line.replace(/: [^,}\]]+/, `: ${pick(rng, SCALARS)}`);
    default:
      return line.replace(/[a-z]+/, (w) => w.split('').reverse().join(''));
  }
}

/** The `index`-th hostile variant of `base` for a seed. */
export function hostileCase(base: string, seed: number, index: number): HostileCase {
  const rng = createRandom(seed).fork(index);
  const lines = base.split('\n');
  const kinds: string[] = [];
  const edits = rng.int(4);
  for (let e = 0; e < edits; e++) {
    const at = rng.int(lines.length);
    const op = rng.int(4);
    if (op === 0) lines.splice(at, 1);
    else if (op === 1) lines.splice(at, 0, lines[at] ?? '');
    else lines[at] = bend(rng, lines[at] ?? '');
  }
  if (edits > 0) kinds.push('bent');
  if (rng.next() < 0.6) {
    const f = fragment(rng);
    kinds.push(f.kind);
    const at = rng.next() < 0.5 ? lines.length : rng.int(lines.length + 1);
    const indent = rng.next() < 0.7 ? '' : '  ';
    lines.splice(at, 0, ...f.text.split('\n').map((l) => indent + l));
  }
  let text = lines.join('\n');
  if (rng.next() < 0.05) {
    text = text.replace(/\n/g, '\r');
    kinds.push('cr-only');
  }
  return { kind: kinds.join('+') || 'valid', text };
}
