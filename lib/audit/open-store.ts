// Opens the change history: a shared PostgreSQL when a database URL is given, else embedded PGlite under the data directory.
import 'server-only';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { createDrizzleStore } from './drizzle-store';
import { errorLabel } from './error-label';
import { migrateEmbedded, migrateShared } from './migrate';
import { createSharedCoordination } from './shared-coordination';
import type { ChangeStore } from './store';

export interface OpenChangeStoreOptions {
  /** postgres:// URL of a database several console instances may share. */
  databaseUrl?: string;
  /** Without a database URL the history lives in `${dataDir}/history`. */
  dataDir: string;
}

export function openChangeStore({ databaseUrl, dataDir }: OpenChangeStoreOptions): Promise<ChangeStore> {
  return databaseUrl ? openShared(databaseUrl) : openEmbedded(path.join(dataDir, 'history'));
}

async function openShared(connectionString: string): Promise<ChangeStore> {
  await migrateShared(connectionString);
  const pool = newPool(connectionString);
  const locks = newPool(connectionString);
  const db = drizzlePg({ client: pool });
  return createDrizzleStore(db, async () => void (await Promise.all([pool.end(), locks.end()])), createSharedCoordination(db, locks));
}

function newPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // An idle connection dropped by the server must not crash the process; the pool replaces it on demand.
  pool.on('error', (error) => console.warn(`change history: an idle PostgreSQL connection failed (${errorLabel(error)})`));
  return pool;
}

async function openEmbedded(directory: string): Promise<ChangeStore> {
  await mkdir(directory, { recursive: true });
  const client = await PGlite.create(directory);
  const db = drizzlePglite({ client });
  try {
    await migrateEmbedded(db);
  } catch (error) {
    await client.close();
    throw error;
  }
  return createDrizzleStore(db, () => client.close());
}
