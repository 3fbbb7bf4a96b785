/** `redline schema`: prints the case file's JSON Schema (for editors and other tools). */
import type { Command } from 'commander';
import { caseJsonSchema } from '../../../case/index.js';
import { printJson } from '../output.js';

export function register(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of case files (point "$schema" at it for editor completion)')
    .action(() => printJson(caseJsonSchema()));
}
