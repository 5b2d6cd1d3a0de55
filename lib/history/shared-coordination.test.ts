import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChangeStore, type OpenChangeStoreOptions } from './open-store';
import { settlePending } from './recovery';
import type { ChangeStore, SharedCoordination } from './store';
import { hexId, sharedTestDatabases } from './testing/test-databases';

// Two stores opened on one database stand for two console instances: each has its own connection pools.
const databases = sharedTestDatabases();
let options: OpenChangeStoreOptions;
let first: ChangeStore;
let second: ChangeStore;
const sharedOf = (store: ChangeStore): SharedCoordination => store.shared!;

beforeAll(async () => {
  options = await databases.fresh();
  first = await openChangeStore(options);
  second = await openChangeStore(options);
});

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
  await databases.dispose();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('several instances on one PostgreSQL', () => {
  it('a key lock taken by one instance holds the other back until it is released; other keys go on', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const holding = sharedOf(first).withKeyLock('key-a', async () => {
      order.push('first:start');
      await gate;
      order.push('first:end');
    });
    await tick();
    const waiting = sharedOf(second).withKeyLock('key-a', async () => void order.push('second'));
    await sharedOf(second).withKeyLock('key-b', async () => void order.push('other key'));
    await tick();
    release();
    await Promise.all([holding, waiting]);
    expect(order).toEqual(['first:start', 'other key', 'first:end', 'second']);
  });

  it('a failed task releases its key lock', async () => {
    await expect(sharedOf(first).withKeyLock('key-c', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(sharedOf(second).withKeyLock('key-c', async () => 1)).resolves.toBe(1);
  });

  it('counts one person’s mutations across instances, and another person’s apart', async () => {
    const stores = [first, second, first, second];
    const quotas = await Promise.all(stores.map((store) => sharedOf(store).takeMutationToken('limited@example.com', 3)));
    expect(quotas.filter((quota) => quota.ok)).toHaveLength(3);
    // At 3 a minute one token takes 20 s to come back.
    expect(quotas.find((quota) => !quota.ok)).toMatchObject({ ok: false, retryAfterSeconds: expect.any(Number) });
    const refused = quotas.find((quota) => !quota.ok) as { retryAfterSeconds: number };
    expect(refused.retryAfterSeconds).toBeGreaterThan(15);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(20);
    expect(await sharedOf(second).takeMutationToken('other@example.com', 3)).toEqual({ ok: true });
  });

  it('a bucket whose time is ahead of this statement’s clock counts no negative refill', async () => {
    // What a take sees after waiting on another instance's row lock: that row written after this take began.
    const actor = 'waited@example.com';
    const bucket = new pg.Client({ connectionString: options.databaseUrl });
    await bucket.connect();
    try {
      await bucket.query(`insert into mutation_buckets (actor, tokens, updated_at) values ($1, 1, now() + interval '2 seconds')`, [actor]);
    } finally {
      await bucket.end();
    }
    expect(await sharedOf(first).takeMutationToken(actor, 3)).toEqual({ ok: true });
    const refused = await sharedOf(second).takeMutationToken(actor, 3);
    expect(refused).toMatchObject({ ok: false });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(15);
  });

  it('settles each abandoned record exactly once when both instances settle at the same time, and leaves a locked key’s record', async () => {
    const groupId = hexId();
    const abandoned = [];
    for (let i = 0; i < 6; i++) {
      abandoned.push(await first.recordIntent({ actor: 'a@example.com', action: 'assign', groupId, apiKeyId: hexId(), rolesBefore: [], rolesAfter: ['GROUP_READ_ONLY'] }));
    }
    const inFlightKey = hexId();
    const inFlight = await first.recordIntent({ actor: 'a@example.com', action: 'assign', groupId, apiKeyId: inFlightKey, rolesBefore: [], rolesAfter: ['GROUP_READ_ONLY'] });
    const asked: string[] = [];
    const read = async (_group: string, apiKeyId: string) => {
      asked.push(apiKeyId);
      await tick();
      return ['GROUP_READ_ONLY'];
    };
    let release!: () => void;
    const held = sharedOf(first).withKeyLock(inFlightKey, () => new Promise<void>((resolve) => (release = resolve)));
    await tick();
    const counts = await Promise.all([settlePending(first, read), settlePending(second, read)]);
    release();
    await held;

    expect(counts[0]!.settled + counts[1]!.settled).toBe(abandoned.length);
    expect(asked).toHaveLength(abandoned.length);
    expect(asked).not.toContain(inFlightKey);
    const { results } = await first.list({ groupId });
    expect(results.filter((r) => r.outcome === 'success' && r.settledBy === 'recovery').map((r) => r.id).sort()).toEqual([...abandoned].sort());
    expect(results.find((r) => r.id === inFlight)?.outcome).toBe('pending');
    // Once the key lock is free, the next round settles it.
    expect(await settlePending(second, read)).toEqual({ settled: 1, unknown: 0 });
  });
});
