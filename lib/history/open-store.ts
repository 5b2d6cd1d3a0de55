// Opens the change history: a shared PostgreSQL when a database URL is given, else embedded PGlite under the data directory.
import 'server-only';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
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

/**
 * PostgreSQL's defaults size a server's buffers (shared_buffers 128 MB), all of it resident in PGlite's WebAssembly
 * memory; a console's history needs a few megabytes. `-c` options apply at every start, not only at creation.
 */
const embeddedStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=8MB', '-c', 'maintenance_work_mem=8MB'];

/**
 * Creating a PGlite database (initdb) leaves about 500 MB resident in the process that ran it, which it never gives
 * back; a short-lived child process creates it, and the console only opens what exists. Created beside the target
 * and renamed into place, so a creation cut short is never mistaken for a database.
 */
async function createEmbedded(directory: string): Promise<void> {
  const creating = `${directory}.creating`;
  await rm(creating, { recursive: true, force: true });
  const script = `const { PGlite } = await import('@electric-sql/pglite');
    await (await PGlite.create(process.argv[1], { startParams: JSON.parse(process.argv[2]) })).close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, creating, JSON.stringify(embeddedStartParams)], {
    cwd: process.cwd(),
  });
  await rename(creating, directory);
}

async function openEmbedded(directory: string): Promise<ChangeStore> {
  await mkdir(path.dirname(directory), { recursive: true });
  if (!existsSync(path.join(directory, 'PG_VERSION'))) await createEmbedded(directory);
  const client = await PGlite.create(directory, { startParams: embeddedStartParams });
  const db = drizzlePglite({ client });
  try {
    await migrateEmbedded(db);
  } catch (error) {
    await client.close();
    throw error;
  }
  return createDrizzleStore(db, () => client.close());
}
