/**
 * Monitoring tables: watched sources with their fetch state and lease, runs, items seen per source (the
 * exactly-once ledger), developments, alert rules and deliveries. Plain columns on both SQLite and
 * PostgreSQL; JSON records as text.
 */
import type { StoreMigration } from '../migrations.js';

export const monitorMigrations: StoreMigration[] = [
  {
    name: '0200-monitor',
    async up(db) {
      await db.schema
        .createTable('monitor_sources')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('every_seconds', 'integer', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('last_fetch_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('last_error_at', 'text')
        .addColumn('last_status', 'text')
        .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_due_at', 'text', (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'text')
        .addPrimaryKeyConstraint('monitor_sources_pk', ['case_id', 'id'])
        .execute();
      await db.schema
        .createTable('monitor_runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('job_id', 'text')
        .addColumn('worker', 'text')
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('http_status', 'integer')
        .addColumn('items_found', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('items_new', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('developments', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .execute();
      await db.schema
        .createIndex('monitor_runs_source')
        .on('monitor_runs')
        .columns(['case_id', 'source_id', 'started_at'])
        .execute();
      await db.schema
        .createTable('monitor_items')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('doc_id', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('url', 'text')
        .addColumn('date', 'text')
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'text', (c) => c.notNull())
        .addColumn('assessed', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('monitor_items_pk', ['case_id', 'source_id', 'item_key'])
        .execute();
      await db.schema
        .createIndex('monitor_items_assess')
        .on('monitor_items')
        .columns(['case_id', 'assessed'])
        .execute();
      await db.schema
        .createTable('monitor_developments')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor', 'text')
        .addColumn('issue', 'text')
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('score', 'double precision', (c) => c.notNull())
        .addColumn('confidence', 'double precision', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addPrimaryKeyConstraint('monitor_developments_pk', ['case_id', 'id'])
        .execute();
      await db.schema
        .createIndex('monitor_developments_updated')
        .on('monitor_developments')
        .columns(['case_id', 'updated_at'])
        .execute();
      await db.schema
        .createTable('monitor_rules')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_digest_at', 'text')
        .addPrimaryKeyConstraint('monitor_rules_pk', ['case_id', 'id'])
        .execute();
      await db.schema
        .createTable('monitor_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('development_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_at', 'text', (c) => c.notNull())
        .addColumn('last_code', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('log', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .execute();
      await db.schema
        .createIndex('monitor_deliveries_once')
        .unique()
        .on('monitor_deliveries')
        .columns(['case_id', 'rule_id', 'development_id'])
        .execute();
      await db.schema
        .createIndex('monitor_deliveries_due')
        .on('monitor_deliveries')
        .columns(['status', 'next_at'])
        .execute();
    },
  },
];
