/** What the `redline evidence` subcommands share: the store options, opening the store, and --status. */
import type { Command } from 'commander';
import { openEvidenceStore, type EvidenceStore } from '../../../ingest/store.js';
import type { ReviewStatus } from '../../../store/evidence-repo.js';
import { CliError, EXIT } from '../../exit-codes.js';

export interface CommonOpts {
  json?: boolean;
  data?: string;
}

/** Adds --data and --json to a subcommand. */
export type Common = (c: Command) => Command;

export async function withStore<T>(opts: CommonOpts, fn: (es: EvidenceStore) => Promise<T>): Promise<T> {
  const es = await openEvidenceStore(opts.data);
  try {
    return await fn(es);
  } finally {
    await es.close();
  }
}

export const statusOf = (s: string | undefined): ReviewStatus | undefined => {
  if (s === undefined || s === 'all') return undefined;
  if (s === 'suggested' || s === 'accepted' || s === 'rejected') return s;
  throw new CliError(`--status takes suggested, accepted, rejected or all, not "${s}"`, EXIT.usage);
};
