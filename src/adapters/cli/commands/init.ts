/**
 * `redline init [FILE]`: writes a commented starter case (and the JSON Schema beside it for editor completion),
 * so a new user starts from a valid file instead of a blank page. Never overwrites without `--force`.
 */
import { writeFile, access } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { caseJsonSchema } from '../../../case/index.js';
import { CliError, EXIT } from '../exit-codes.js';
import { print } from '../output.js';
import { starterCase } from '../templates/starter-case.js';

interface InitOptions {
  id?: string;
  title?: string;
  date?: string;
  force?: boolean;
  schema: boolean;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** A case id from a file name: lower-case, dashes for anything else ("My Talks.yaml" → "my-talks"). */
export function idFromFileName(file: string): string {
  const stem = basename(file).replace(/\.(ya?ml|json)$/i, '');
  const id = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'my-case';
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function writeNew(path: string, text: string, force: boolean | undefined): Promise<void> {
  if (!force && (await exists(path)))
    throw new CliError(
      `${path} exists already; choose another name or pass --force to overwrite it`,
      EXIT.usage,
    );
  await writeFile(path, text, 'utf8');
}

export function register(program: Command): void {
  program
    .command('init')
    .description('write a commented starter case file to edit into your own negotiation')
    .argument('[file]', 'where to write the case', 'case.yaml')
    .option('--id <id>', 'case id (default: from the file name)')
    .option('--title <title>', 'case title', 'My negotiation')
    .option('--date <YYYY-MM-DD>', 'date of the first stances and of asOf (default: today)')
    .option('--no-schema', 'do not write redline.schema.json beside the case')
    .option('--force', 'overwrite existing files')
    .action(async (file: string, opts: InitOptions) => {
      const id = opts.id ?? idFromFileName(file);
      if (!ID_PATTERN.test(id))
        throw new CliError(
          `--id "${id}" is not an id; use lower-case letters, digits and dashes`,
          EXIT.usage,
        );
      const date = opts.date ?? today();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
        throw new CliError(`--date "${date}" is not a date; write YYYY-MM-DD`, EXIT.usage);
      await writeNew(
        file,
        starterCase({ id, title: opts.title ?? 'My negotiation', date, file: basename(file) }),
        opts.force,
      );
      print(`wrote ${file} (case "${id}")`);
      if (opts.schema) {
        const schemaFile = join(dirname(file), 'redline.schema.json');
        await writeNew(schemaFile, `${JSON.stringify(caseJsonSchema(), null, 2)}\n`, true);
        print(`wrote ${schemaFile} (JSON Schema for editor completion)`);
      }
      print(`next: redline validate ${file} · redline check ${file} draft-accord · redline serve ${file}`);
    });
}
