// Brings a change-history database up to the committed migrations, safely when several instances start at once.
import 'server-only';
import path from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

const config = {
  // Resolved from the working directory: bundlers move this module, `next start` and Vitest run from the repo root.
  migrationsFolder: path.join(process.cwd(), 'lib', 'history', 'migrations'),
  // Its own bookkeeping table, so another Drizzle app sharing the database cannot be confused with this one.
  migrationsSchema: 'drizzle',
  migrationsTable: 'key_changes_migrations',
};

/** Arbitrary but fixed: every console instance takes this advisory lock around its migrations. */
const migrationLockKey = 4_815_162_342;

/** Embedded PGlite belongs to one process, so nothing else can be migrating it. */
export function migrateEmbedded(db: PgliteDatabase): Promise<void> {
  return migratePglite(db, config);
}

/**
 * On a shared PostgreSQL, one connection holds a session advisory lock while it migrates: a second instance
 * waits, then finds nothing left to do. The lock goes with the connection if the process dies.
 */
export async function migrateShared(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await migratePg(drizzlePg({ client }), config);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    await client.end();
  }
}
