import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openChangeStore, type OpenChangeStoreOptions } from './open-store';
import { hexId, sharedTestDatabases, testDatabases } from './testing/test-databases';

const journal = JSON.parse(readFileSync(path.join(__dirname, 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
const intent = { actor: 'a@example.com', action: 'assign', groupId: hexId(), apiKeyId: hexId(), rolesBefore: [], rolesAfter: ['GROUP_READ_ONLY'] } as const;

/** How many migrations the database has recorded as applied. */
async function appliedMigrations(options: OpenChangeStoreOptions): Promise<number> {
  const query = 'select count(*)::int as n from drizzle.key_changes_migrations';
  if (options.databaseUrl) {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    try {
      return (await client.query<{ n: number }>(query)).rows[0]!.n;
    } finally {
      await client.end();
    }
  }
  const db = await PGlite.create(path.join(options.dataDir, 'history'));
  try {
    return (await db.query<{ n: number }>(query)).rows[0]!.n;
  } finally {
    await db.close();
  }
}

describe.each(testDatabases())('opening the change store on $name', (databases) => {
  afterAll(() => databases.dispose());

  it('migrates once, keeps records across close and reopen, and closes idempotently', async () => {
    const options = await databases.fresh();
    const first = await openChangeStore(options);
    const id = await first.recordIntent(intent);
    await first.close();
    await first.close();
    if (!options.databaseUrl) expect(existsSync(path.join(options.dataDir, 'history'))).toBe(true);

    const second = await openChangeStore(options);
    try {
      expect((await second.list({ groupId: intent.groupId })).results.map((r) => r.id)).toEqual([id]);
    } finally {
      await second.close();
    }
    expect(await appliedMigrations(options)).toBe(journal.entries.length);
  });

  it('rejects when the database cannot be opened', async () => {
    const options = databases.name === 'PostgreSQL' ? { databaseUrl: 'postgresql://postgres@127.0.0.1:1/none', dataDir: '.' } : { dataDir: '/dev/null/nowhere' };
    await expect(openChangeStore(options)).rejects.toThrow();
  });
});

describe('opening a shared PostgreSQL concurrently', () => {
  const databases = sharedTestDatabases();
  afterAll(() => databases.dispose());

  it('lets several instances start at once on an empty database', async () => {
    const options = await databases.fresh();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openChangeStore(options)));
    try {
      await Promise.all(stores.map((store) => store.recordIntent(intent)));
      expect((await stores[0]!.list({ groupId: intent.groupId })).totalCount).toBe(4);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
    expect(await appliedMigrations(options)).toBe(journal.entries.length);
  });
});
