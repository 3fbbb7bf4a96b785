/** Opens the store for the evidence commands and checks that its evidence repository is installed. */
import { CliError, EXIT } from '../cli/exit-codes.js';
import { openStore, type Store } from '../store/index.js';
import type { EvidenceRepository } from '../store/evidence-repo.js';

export interface EvidenceStore {
  store: Store;
  repo: EvidenceRepository;
  close(): Promise<void>;
}

/** SQLite in `dataDir` (default `.redline-data`), or PostgreSQL when DATABASE_URL is set. */
export async function openEvidenceStore(dataDir: string | undefined): Promise<EvidenceStore> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  let store: Store;
  try {
    store = await openStore({ dataDir, databaseUrl });
  } catch (e) {
    throw new CliError(
      `cannot open the store: ${e instanceof Error ? e.message : String(e)}`,
      EXIT.unreadable,
    );
  }
  const repo = store.evidence as EvidenceRepository | undefined;
  if (!repo) {
    await store.close();
    throw new CliError(
      'the store has no evidence module loaded (src/adapters/store/evidence-repo.ts)',
      EXIT.internal,
    );
  }
  return { store, repo, close: () => store.close() };
}
