// How console instances sharing one PostgreSQL serialize key changes, count mutations and settle abandoned intents.
import 'server-only';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { changeOutcome } from './change';
import { toRecord, writeOutcome } from './drizzle-store';
import { errorLabel } from './error-label';
import { keyChanges } from './schema';
import type { SharedCoordination } from './store';

/** The first half of every key lock's id (two-integer advisory locks), so other users of the database do not collide. */
const keyLockSpace = 17_017;

/**
 * `locks` is a pool of its own: a key lock holds its connection for the whole read-compare-write, which itself needs
 * connections from `db`'s pool; one shared pool could be drained by lock holders waiting for it.
 */
export function createSharedCoordination(db: NodePgDatabase, locks: pg.Pool): SharedCoordination {
  /** A session-level lock: it goes with the connection if the process dies, so a crash never leaves a key locked. */
  async function acquire(key: string, wait: boolean): Promise<(() => Promise<void>) | undefined> {
    const client = await locks.connect();
    try {
      const taken = wait
        ? (await client.query('select pg_advisory_lock($1, hashtext($2))', [keyLockSpace, key]), true)
        : (await client.query<{ taken: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as taken', [keyLockSpace, key])).rows[0]?.taken === true;
      if (!taken) {
        client.release();
        return undefined;
      }
    } catch (error) {
      client.release(true);
      throw error;
    }
    return async () => {
      try {
        await client.query('select pg_advisory_unlock($1, hashtext($2))', [keyLockSpace, key]);
        client.release();
      } catch (error) {
        // Closing the connection is what frees the lock now.
        console.warn(`change history: a key lock was not released cleanly (${errorLabel(error)})`);
        client.release(true);
      }
    };
  }

  return {
    async withKeyLock(key, task) {
      const release = (await acquire(key, true))!;
      try {
        return await task();
      } finally {
        await release();
      }
    },

    async takeMutationToken(actor, perMinute) {
      // clock_timestamp(), not now(): now() is when the statement's transaction began, so a take that waited on another
      // instance's row lock would see that row's time ahead of its own and count the time between as negative refill,
      // refusing a token that was there (Retry-After: 1). The clamp keeps a clock step back from doing the same.
      const elapsed = sql`greatest(0, extract(epoch from clock_timestamp() - b.updated_at))`;
      const refilled = sql`least(${perMinute}::float8, b.tokens + ${elapsed} * ${perMinute}::float8 / 60)`;
      const taken = await db.execute(sql`
        insert into mutation_buckets as b (actor, tokens, updated_at) values (${actor}, ${perMinute}::float8 - 1, clock_timestamp())
        on conflict (actor) do update set tokens = ${refilled} - 1, updated_at = clock_timestamp()
        where ${refilled} >= 1
        returning b.tokens`);
      if (taken.rows.length > 0) return { ok: true };
      const { rows } = await db.execute<{ tokens: number }>(sql`select ${refilled} as tokens from mutation_buckets b where b.actor = ${actor}`);
      const missing = 1 - Number(rows[0]?.tokens ?? 0);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((missing * 60) / perMinute)) };
    },

    async settleAbandoned(olderThan, decide) {
      const outcomes = [];
      const pending = await db
        .select()
        .from(keyChanges)
        .where(and(eq(keyChanges.outcome, 'pending'), lt(keyChanges.createdAt, olderThan)))
        .orderBy(asc(keyChanges.createdAt), asc(keyChanges.id));
      for (const row of pending) {
        const record = toRecord(row);
        // A live instance holds the key's lock from before the intent until after the outcome.
        const release = record.apiKeyId === null ? undefined : await acquire(record.apiKeyId, false);
        if (record.apiKeyId !== null && !release) continue;
        try {
          const outcome = await db.transaction(async (tx) => {
            // Another instance settling the same record holds its row: skip it rather than wait and settle it twice.
            const [claimed] = await tx
              .select({ id: keyChanges.id })
              .from(keyChanges)
              .where(and(eq(keyChanges.id, record.id), eq(keyChanges.outcome, 'pending')))
              .for('update', { skipLocked: true });
            if (!claimed) return undefined;
            const decided = changeOutcome.parse({ ...(await decide(record)), settledBy: 'recovery' });
            await writeOutcome(tx, record.id, decided);
            return decided;
          });
          if (outcome) outcomes.push(outcome);
        } finally {
          await release?.();
        }
      }
      return outcomes;
    },
  };
}
