// Empty change-history databases for tests: PGlite in a temp directory, or a throwaway database on the local PostgreSQL.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openChangeStore, type OpenChangeStoreOptions } from '../open-store';
import type { ChangeStore } from '../store';

/** The machine's PostgreSQL with trust auth; CI starts it, and without it these tests fail rather than skip. */
const server = 'postgresql://postgres@127.0.0.1:5432';

export interface TestDatabases {
  readonly name: 'PGlite' | 'PostgreSQL';
  /** Options that open a new, empty history on every call. */
  fresh(): Promise<OpenChangeStoreOptions>;
  /** Deletes everything `fresh` made; close the stores opened on it first. */
  dispose(): Promise<void>;
}

export function embeddedTestDatabases(): TestDatabases {
  const dirs: string[] = [];
  return {
    name: 'PGlite',
    async fresh() {
      const dir = await mkdtemp(path.join(tmpdir(), 'audit-test-'));
      dirs.push(dir);
      // A level that does not exist yet: opening must create it.
      return { dataDir: path.join(dir, 'data') };
    },
    async dispose() {
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${server}/postgres`, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL at ${server} is not reachable; the change-history tests need it running`, { cause: error });
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function sharedTestDatabases(): TestDatabases {
  const names: string[] = [];
  return {
    name: 'PostgreSQL',
    async fresh() {
      const name = `audit_test_${randomBytes(6).toString('hex')}`;
      await onServer(`create database ${name}`);
      names.push(name);
      return { databaseUrl: `${server}/${name}`, dataDir: tmpdir() };
    },
    async dispose() {
      for (const name of names) await onServer(`drop database if exists ${name} with (force)`);
    },
  };
}

/** For `describe.each(testDatabases())('$name', …)`: every suite over the change history runs on both stores. */
export function testDatabases(): TestDatabases[] {
  return [embeddedTestDatabases(), sharedTestDatabases()];
}

/** One store on a fresh database for a describe block's tests, opened before them, closed and deleted after. */
export function storeForBlock(databases: TestDatabases): () => ChangeStore {
  let store: ChangeStore | undefined;
  beforeAll(async () => {
    store = await openChangeStore(await databases.fresh());
  });
  afterAll(async () => {
    await store?.close();
    await databases.dispose();
  });
  return () => {
    if (!store) throw new Error('the store opens in beforeAll: use it from a hook or a test');
    return store;
  };
}

/** A random 24-hex upstream id. */
export function hexId(): string {
  return randomBytes(12).toString('hex');
}
