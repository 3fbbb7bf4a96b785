/** Cases with their full version history: every save is a new version; any version can be restored. */
import { sql, type Kysely } from 'kysely';
import type { CoreDatabase } from './database.js';
import { ConflictError, NotFoundError } from './errors.js';
import { clampLimit, decodeCursor, toPage, type Page, type PageRequest } from './pagination.js';

export interface CaseSummary {
  id: string;
  title: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseVersion {
  caseId: string;
  version: number;
  title: string;
  yaml: string;
  /** The parsed case object as saved. */
  case: unknown;
  message: string | null;
  author: string | null;
  createdAt: string;
}

export type VersionSummary = Omit<CaseVersion, 'yaml' | 'case'>;

export interface SaveCaseInput {
  title: string;
  yaml: string;
  case: unknown;
  message?: string | undefined;
  author?: string | undefined;
  /** Optimistic concurrency: the save fails with ConflictError unless this is still the current version. */
  baseVersion?: number | undefined;
}

export interface CaseRepository {
  list(page?: PageRequest & { q?: string | undefined }): Promise<Page<CaseSummary>>;
  count(): Promise<number>;
  /** The current version, or undefined. */
  get(id: string): Promise<CaseVersion | undefined>;
  create(id: string, input: SaveCaseInput): Promise<CaseVersion>;
  save(id: string, input: SaveCaseInput): Promise<CaseVersion>;
  remove(id: string): Promise<boolean>;
  listVersions(id: string, page?: PageRequest): Promise<Page<VersionSummary>>;
  getVersion(id: string, version: number): Promise<CaseVersion | undefined>;
  /** Saves a copy of an old version as the newest version. */
  restore(id: string, version: number, author?: string): Promise<CaseVersion>;
}

export function createCaseRepository(
  db: Kysely<CoreDatabase>,
  now: () => string,
  /** Called after every committed change to cases (a save, a new case, a deletion). */
  onWrite: () => void = () => {},
  /** Tables holding rows per case (a `case_id` column), deleted with the case; see caseScopedTables. */
  caseTables: () => Promise<string[]> = async () => ['analysis_results', 'case_versions', 'jobs'],
): CaseRepository {
  const presentVersion = (r: CoreDatabase['case_versions']): CaseVersion => ({
    caseId: r.case_id,
    version: Number(r.version),
    title: r.title,
    yaml: r.yaml,
    case: JSON.parse(r.json) as unknown,
    message: r.message,
    author: r.author,
    createdAt: r.created_at,
  });

  async function getVersion(id: string, version: number): Promise<CaseVersion | undefined> {
    const row = await db
      .selectFrom('case_versions')
      .selectAll()
      .where('case_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? presentVersion(row) : undefined;
  }

  /**
   * One new version. The version number is taken by an atomic increment (the row lock serialises concurrent
   * saves on PostgreSQL; SQLite transactions take the write lock up front), so saves without `baseVersion`
   * always succeed, last one current; with `baseVersion` the increment only happens if it is still current.
   */
  async function save(id: string, input: SaveCaseInput): Promise<CaseVersion> {
    const at = now();
    const version = await db.transaction().execute(async (trx) => {
      let update = trx
        .updateTable('cases')
        .set((eb) => ({ current_version: eb('current_version', '+', 1), title: input.title, updated_at: at }))
        .where('id', '=', id);
      if (input.baseVersion !== undefined) update = update.where('current_version', '=', input.baseVersion);
      const bumped = await update.returning('current_version').executeTakeFirst();
      if (!bumped) {
        const current = await trx
          .selectFrom('cases')
          .select(['current_version'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!current) throw new NotFoundError('case', id);
        throw new ConflictError(
          `case "${id}" is at version ${Number(current.current_version)}, not ${input.baseVersion}; reload and save again`,
        );
      }
      const next = Number(bumped.current_version);
      await trx
        .insertInto('case_versions')
        .values({
          case_id: id,
          version: next,
          title: input.title,
          yaml: input.yaml,
          json: JSON.stringify(input.case),
          message: input.message ?? null,
          author: input.author ?? null,
          created_at: at,
        })
        .execute();
      return next;
    });
    onWrite();
    return (await getVersion(id, version))!;
  }

  return {
    async list(page = {}) {
      const limit = clampLimit(page.limit);
      let q = db
        .selectFrom('cases')
        .selectAll()
        .orderBy('id')
        .limit(limit + 1);
      if (page.cursor) q = q.where('id', '>', decodeCursor(page.cursor, ['s'])[0] as string);
      if (page.q) {
        const needle = `%${page.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        // ESCAPE makes "%" and "_" in the search text literal in both dialects.
        q = q.where(
          sql<boolean>`(lower(title) like ${needle} escape '\\' or lower(id) like ${needle} escape '\\')`,
        );
      }
      const rows = await q.execute();
      return toPage(
        rows,
        limit,
        (r) => [r.id],
        (r) => ({
          id: r.id,
          title: r.title,
          version: Number(r.current_version),
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        }),
      );
    },

    async count() {
      const r = await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async get(id) {
      const row = await db
        .selectFrom('case_versions')
        .innerJoin('cases', (j) =>
          j
            .onRef('cases.id', '=', 'case_versions.case_id')
            .onRef('cases.current_version', '=', 'case_versions.version'),
        )
        .selectAll('case_versions')
        .where('cases.id', '=', id)
        .executeTakeFirst();
      return row ? presentVersion(row) : undefined;
    },

    async create(id, input) {
      const at = now();
      await db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst();
        if (existing)
          throw new ConflictError(
            `a case with id "${id}" already exists; choose another id or save a new version of it`,
          );
        await trx
          .insertInto('cases')
          .values({ id, title: input.title, current_version: 1, created_at: at, updated_at: at })
          .execute();
        await trx
          .insertInto('case_versions')
          .values({
            case_id: id,
            version: 1,
            title: input.title,
            yaml: input.yaml,
            json: JSON.stringify(input.case),
            message: input.message ?? null,
            author: input.author ?? null,
            created_at: at,
          })
          .execute();
      });
      onWrite();
      return (await getVersion(id, 1))!;
    },

    save,

    async remove(id) {
      const tables = await caseTables();
      const removed = await db.transaction().execute(async (trx) => {
        // Everything kept per case (versions, analyses, jobs with their parts, evidence of any module), so a
        // case re-created under the same id starts empty.
        for (const table of tables)
          await sql`DELETE FROM ${sql.table(table)} WHERE case_id = ${id}`.execute(trx);
        const r = await trx.deleteFrom('cases').where('id', '=', id).executeTakeFirst();
        return Number(r.numDeletedRows) > 0;
      });
      onWrite();
      return removed;
    },

    async listVersions(id, page = {}) {
      const exists = await db.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw new NotFoundError('case', id);
      const limit = clampLimit(page.limit);
      let q = db
        .selectFrom('case_versions')
        .select(['case_id', 'version', 'title', 'message', 'author', 'created_at'])
        .where('case_id', '=', id)
        .orderBy('version', 'desc')
        .limit(limit + 1);
      if (page.cursor) q = q.where('version', '<', decodeCursor(page.cursor, ['n'])[0] as number);
      const rows = await q.execute();
      return toPage(
        rows,
        limit,
        (r) => [Number(r.version)],
        (r) => ({
          caseId: r.case_id,
          version: Number(r.version),
          title: r.title,
          message: r.message,
          author: r.author,
          createdAt: r.created_at,
        }),
      );
    },

    getVersion,

    async restore(id, version, author) {
      const old = await getVersion(id, version);
      if (!old) throw new NotFoundError(`version ${version} of case`, id);
      return save(id, {
        title: old.title,
        yaml: old.yaml,
        case: old.case,
        message: `restored version ${version}`,
        author,
      });
    },
  };
}

/**
 * Every table with a `case_id` column, found in the schema rather than listed, so tables that modules add
 * later (evidence, monitoring) are deleted with their case too. Jobs go before nothing else depends on them;
 * their parts follow by foreign key.
 */
export async function caseScopedTables(
  db: Kysely<CoreDatabase>,
  dialect: 'sqlite' | 'postgres',
): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`
          SELECT m.name AS name FROM sqlite_schema m, pragma_table_info(m.name) p
          WHERE m.type = 'table' AND p.name = 'case_id' ORDER BY m.name`.execute(db)
      : await sql<{ name: string }>`
          SELECT table_name AS name FROM information_schema.columns
          WHERE column_name = 'case_id' AND table_schema = current_schema() ORDER BY table_name`.execute(db);
  return rows.rows.map((r) => r.name);
}
