/**
 * `redline evidence list|show|accept|reject|timeline|export|search CASE …`: review what `redline ingest`
 * suggested. Accepting a claim writes a dated, sourced stance (or the quote as evidence on the latest
 * stance) into the case file, editing the YAML in place so comments and layout survive; accepting an event
 * adds it to the case's events. Nothing changes the case without an explicit accept. One file per
 * subcommand under ./evidence/.
 */
import type { Command } from 'commander';
import { EVENT_TYPES } from '../../../index.js';
import * as accept from './evidence/accept.js';
import * as exportEvents from './evidence/export.js';
import * as list from './evidence/list.js';
import * as reject from './evidence/reject.js';
import * as search from './evidence/search.js';
import * as show from './evidence/show.js';
import * as timeline from './evidence/timeline.js';

export function register(program: Command): void {
  const ev = program
    .command('evidence')
    .description(
      `review evidence suggested by \`redline ingest\`; event types: ${Object.keys(EVENT_TYPES).join(', ')}`,
    );
  const common = (c: Command) =>
    c
      .option(
        '--data <dir>',
        'data folder of the embedded database (ignored when DATABASE_URL is set)',
        '.redline-data',
      )
      .option('--json', 'machine-readable output');
  for (const sub of [list, show, accept, reject, timeline, exportEvents, search]) sub.register(ev, common);
}
