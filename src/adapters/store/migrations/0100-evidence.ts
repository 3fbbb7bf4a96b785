/**
 * Evidence tables: documents (cleaned text, fingerprint, duplicate cluster), LSH band keys for
 * near-duplicate lookup, extracted events and claims with their review status, review decisions, and a
 * full-text index (FTS5 on SQLite, a GIN tsvector index on PostgreSQL).
 */
import { sql } from 'kysely';
import type { StoreMigration } from '../migrations.js';

export const evidenceMigrations: StoreMigration[] = [
  {
    name: '0100-evidence',
    async up(db, { dialect }) {
      const big = dialect === 'postgres' ? 'bigint' : 'integer';
      await db.schema
        .createTable('evidence_documents')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('publisher', 'text')
        .addColumn('url', 'text')
        .addColumn('date', 'text')
        .addColumn('date_source', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('cluster_id', 'text', (c) => c.notNull())
        .addColumn('duplicate_kind', 'text', (c) => c.notNull())
        .addColumn('similarity', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('segments', 'text', (c) => c.notNull())
        .addColumn('signature', 'text')
        .addColumn('removed', 'text', (c) => c.notNull())
        .addColumn('warnings', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('evidence_documents_pk', ['case_id', 'id'])
        .execute();
      await db.schema
        .createIndex('evidence_documents_hash')
        .on('evidence_documents')
        .columns(['case_id', 'content_hash'])
        .execute();
      await db.schema
        .createIndex('evidence_documents_cluster')
        .on('evidence_documents')
        .columns(['case_id', 'cluster_id'])
        .execute();
      await db.schema
        .createTable('evidence_lsh')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('band_key', big, (c) => c.notNull())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('evidence_lsh_key')
        .on('evidence_lsh')
        .columns(['case_id', 'band_key'])
        .execute();
      for (const table of ['evidence_events', 'evidence_claims']) {
        let t = db.schema
          .createTable(table)
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('doc_id', 'text', (c) => c.notNull())
          .addColumn('sentence', 'integer', (c) => c.notNull())
          .addColumn('date', 'text')
          .addColumn('quote', 'text', (c) => c.notNull())
          .addColumn('quote_start', 'integer', (c) => c.notNull())
          .addColumn('quote_end', 'integer', (c) => c.notNull())
          .addColumn('orig_start', 'integer', (c) => c.notNull())
          .addColumn('orig_end', 'integer', (c) => c.notNull())
          .addColumn('trigger', 'text', (c) => c.notNull())
          .addColumn('confidence', 'double precision', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('record', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull());
        if (table === 'evidence_events')
          t = t.addColumn('type', 'text', (c) => c.notNull()).addColumn('actors', 'text', (c) => c.notNull());
        else
          t = t
            .addColumn('actor', 'text', (c) => c.notNull())
            .addColumn('issue', 'text', (c) => c.notNull())
            .addColumn('direction', 'text', (c) => c.notNull())
            .addColumn('red_line', 'integer', (c) => c.notNull());
        await t.addPrimaryKeyConstraint(`${table}_pk`, ['case_id', 'id']).execute();
        await db.schema.createIndex(`${table}_doc`).on(table).columns(['case_id', 'doc_id']).execute();
        await db.schema.createIndex(`${table}_status`).on(table).columns(['case_id', 'status']).execute();
      }
      await db.schema
        .createTable('evidence_reviews')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('evidence_reviews_item')
        .on('evidence_reviews')
        .columns(['case_id', 'item_id'])
        .execute();
      if (dialect === 'sqlite') {
        await sql`CREATE VIRTUAL TABLE evidence_fts USING fts5(case_id UNINDEXED, doc_id UNINDEXED, title, text)`.execute(
          db,
        );
      } else {
        await sql`CREATE INDEX evidence_documents_fts ON evidence_documents USING GIN (to_tsvector('english', coalesce(title, '') || ' ' || text))`.execute(
          db,
        );
      }
    },
  },
];
