/** `redline ingest` — placeholder until its engine lands. */
import type { Command } from 'commander';

export function register(_program: Command): void {}
