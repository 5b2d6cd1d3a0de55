import { beforeAll, describe, expect, it } from 'vitest';
import { mergeDepth, type ChangeIntent } from './change';
import { hexId, storeForBlock, testDatabases } from './testing/test-databases';

describe.each(testDatabases())('change store on $name', (databases) => {
  const store = storeForBlock(databases);

  const intent = (overrides: Partial<ChangeIntent> = {}): ChangeIntent => ({
    actor: 'owner@example.com',
    action: 'update_roles',
    groupId: hexId(),
    apiKeyId: hexId(),
    publicKey: 'abcdefgh',
    keyDesc: 'CI deploy key',
    rolesBefore: ['GROUP_READ_ONLY'],
    rolesAfter: ['GROUP_OWNER'],
    ...overrides,
  });
  const only = async (groupId: string) => {
    const { results, totalCount } = await store().list({ groupId });
    expect(totalCount).toBe(1);
    return results[0]!;
  };

  it('records an intent as pending, then its successful outcome', async () => {
    const before = Date.now();
    const planned = intent({ groupId: 'a'.repeat(24), actor: ' Owner@Example.COM ' });
    const id = await store().recordIntent(planned);
    const pending = await only('a'.repeat(24));
    expect(pending).toMatchObject({ id, actor: 'owner@example.com', outcome: 'pending', completedAt: null, settledBy: null });
    expect(Date.parse(pending.createdAt)).toBeGreaterThanOrEqual(before - 1000);

    await store().recordOutcome(id, { outcome: 'success', rolesAfter: ['GROUP_OWNER', 'GROUP_READ_ONLY'] });
    const done = await only('a'.repeat(24));
    expect(done).toMatchObject({
      outcome: 'success',
      apiKeyId: planned.apiKeyId,
      keyDesc: 'CI deploy key',
      rolesBefore: ['GROUP_READ_ONLY'],
      rolesAfter: ['GROUP_OWNER', 'GROUP_READ_ONLY'],
      errorCode: null,
      detail: null,
      settledBy: null,
    });
    expect(Date.parse(done.completedAt!)).toBeGreaterThanOrEqual(Date.parse(done.createdAt));
    expect(JSON.parse(JSON.stringify(done))).toEqual(done);
  });

  it('fills in the new key of a create on success', async () => {
    const groupId = hexId();
    const apiKeyId = hexId();
    const id = await store().recordIntent(intent({ groupId, action: 'create', apiKeyId: undefined, publicKey: undefined, rolesBefore: [] }));
    expect(await only(groupId)).toMatchObject({ apiKeyId: null, publicKey: null });
    await store().recordOutcome(id, { outcome: 'success', apiKeyId, publicKey: 'zyxwvuts' });
    expect(await only(groupId)).toMatchObject({ outcome: 'success', apiKeyId, publicKey: 'zyxwvuts', rolesAfter: ['GROUP_OWNER'] });
  });

  it('records a failure with its code and detail', async () => {
    const groupId = hexId();
    const id = await store().recordIntent(intent({ groupId }));
    await store().recordOutcome(id, { outcome: 'failure', errorCode: 'CANNOT_REMOVE_ALL_ROLES', detail: 'A key needs one role.' });
    expect(await only(groupId)).toMatchObject({ outcome: 'failure', errorCode: 'CANNOT_REMOVE_ALL_ROLES', detail: 'A key needs one role.' });
  });

  it('never stores a private key, even when one is smuggled in', async () => {
    const groupId = hexId();
    const secret = 'd3adb33f-0000-4000-8000-5ecret5ecret';
    const id = await store().recordIntent({ ...intent({ groupId }), privateKey: secret } as ChangeIntent);
    await store().recordOutcome(id, { outcome: 'success', privateKey: secret } as never);
    expect(JSON.stringify(await store().list({ groupId }))).not.toContain(secret);
  });

  it('rejects an invalid intent before writing anything', async () => {
    const groupId = hexId();
    await expect(store().recordIntent(intent({ groupId, apiKeyId: '../../orgs' }))).rejects.toThrow();
    await expect(store().recordIntent({ ...intent({ groupId }), action: 'delete' } as never)).rejects.toThrow();
    expect((await store().list({ groupId })).totalCount).toBe(0);
  });

  it('lets recovery settle what the request itself recorded as unknown', async () => {
    const groupId = hexId();
    const id = await store().recordIntent(intent({ groupId }));
    await store().recordOutcome(id, { outcome: 'unknown', detail: 'The answer was lost.' });
    await store().recordOutcome(id, { outcome: 'failure', errorCode: 'NOT_APPLIED', detail: 'read back', settledBy: 'recovery' });
    expect(await only(groupId)).toMatchObject({ outcome: 'failure', errorCode: 'NOT_APPLIED', settledBy: 'recovery' });
  });

  it('remembers signed-out sessions, and forgets those whose token has expired anyway', async () => {
    const sid = `s-${hexId()}`;
    expect(await store().isSessionRevoked(sid)).toBe(false);
    await store().revokeSession(sid, new Date(Date.now() + 60_000));
    await store().revokeSession(sid, new Date(Date.now() + 60_000));
    expect(await store().isSessionRevoked(sid)).toBe(true);
    const expired = `s-${hexId()}`;
    await store().revokeSession(expired, new Date(Date.now() - 1_000));
    await store().revokeSession(`s-${hexId()}`, new Date(Date.now() + 60_000));
    expect(await store().isSessionRevoked(expired)).toBe(false);
  });

  it('lets the request correct what recovery decided, but not the other way round', async () => {
    const groupId = hexId();
    const id = await store().recordIntent(intent({ groupId }));
    await store().recordOutcome(id, { outcome: 'unknown', detail: 'guessed', settledBy: 'recovery' });
    await store().recordOutcome(id, { outcome: 'success' });
    expect(await only(groupId)).toMatchObject({ outcome: 'success', detail: null, settledBy: null });
    await store().recordOutcome(id, { outcome: 'failure', errorCode: 'NOT_APPLIED', detail: 'late', settledBy: 'recovery' });
    expect(await only(groupId)).toMatchObject({ outcome: 'success', settledBy: null });
  });

  it('refuses an outcome for a record that does not exist', async () => {
    await expect(store().recordOutcome(crypto.randomUUID(), { outcome: 'success' })).rejects.toThrow(/No change record/);
  });

  describe('listing', () => {
    const groupA = hexId();
    const groupB = hexId();
    const ids: string[] = [];
    let middle: Date;
    beforeAll(async () => {
      const plan: ChangeIntent[] = [
        intent({ groupId: groupA, actor: 'ann@example.com', action: 'create', apiKeyId: undefined, rolesBefore: [] }),
        intent({ groupId: groupA, actor: 'bob@example.com', action: 'assign', rolesBefore: [] }),
        intent({ groupId: groupB, actor: 'ann@example.com', action: 'update_roles' }),
        intent({ groupId: groupB, actor: 'bob@example.com', action: 'unassign', rolesAfter: [] }),
        intent({ groupId: groupA, actor: 'ann@example.com', action: 'unassign', rolesAfter: [] }),
      ];
      for (const [i, each] of plan.entries()) {
        if (i === 2) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          middle = new Date();
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        ids.push(await store().recordIntent(each));
      }
      await store().recordOutcome(ids[0]!, { outcome: 'success', apiKeyId: hexId() });
      await store().recordOutcome(ids[1]!, { outcome: 'failure', errorCode: 'X', detail: 'x' });
      await store().recordOutcome(ids[3]!, { outcome: 'unknown', detail: 'y' });
    });
    const both = () => ({ groupIds: [groupA, groupB] });
    const idsOf = (results: { id: string }[]) => results.map((r) => r.id);

    it('returns newest first with the total', async () => {
      const page = await store().list(both());
      expect(page.totalCount).toBe(5);
      expect(idsOf(page.results)).toEqual([...ids].reverse());
    });

    it('pages without gaps or repeats', async () => {
      const first = await store().list({ ...both(), limit: 2 });
      const second = await store().list({ ...both(), limit: 2, offset: 2 });
      const third = await store().list({ ...both(), limit: 2, offset: 4 });
      const beyond = await store().list({ ...both(), limit: 2, offset: 10 });
      expect([first, second, third, beyond].map((p) => p.totalCount)).toEqual([5, 5, 5, 5]);
      expect([...idsOf(first.results), ...idsOf(second.results), ...idsOf(third.results)]).toEqual([...ids].reverse());
      expect(beyond.results).toEqual([]);
    });

    it.each([
      ['groupId', () => ({ groupId: groupB }), [3, 2]],
      ['groupIds', () => ({ groupIds: [groupB] }), [3, 2]],
      ['empty groupIds', () => ({ groupIds: [] }), []],
      ['actor (any case)', () => ({ ...both(), actor: 'BOB@example.com' }), [3, 1]],
      ['action', () => ({ ...both(), action: 'unassign' as const }), [4, 3]],
      ['outcome pending', () => ({ ...both(), outcome: 'pending' as const }), [4, 2]],
      ['outcome failure', () => ({ ...both(), outcome: 'failure' as const }), [1]],
      ['from (inclusive)', () => ({ ...both(), from: middle }), [4, 3, 2]],
      ['to (exclusive)', () => ({ ...both(), to: middle }), [1, 0]],
      ['criteria together', () => ({ groupId: groupA, actor: 'ann@example.com', outcome: 'pending' as const }), [4]],
    ])('filters by %s', async (_name, filter, expected) => {
      const page = await store().list(filter());
      expect(idsOf(page.results)).toEqual(expected.map((i) => ids[i]));
      expect(page.totalCount).toBe(expected.length);
    });

    it('refuses a page deeper than a merged timeline is paged', async () => {
      await expect(store().list({ limit: mergeDepth + 1 })).rejects.toThrow();
    });

    it('stores a signed review with its snapshot and lists reviews newest first', async () => {
      const snapshot = { keys: { [hexId()]: { publicKey: 'abcdefgh', desc: 'd', projects: { [hexId()]: ['GROUP_OWNER'] } } } };
      const first = await store().recordReview({ reviewer: 'ann@example.com', snapshot });
      const second = await store().recordReview({ reviewer: 'bob@example.com', note: 'signed', snapshot: { keys: {} } });
      expect(second).toMatchObject({ reviewer: 'bob@example.com', note: 'signed' });
      const listed = await store().listReviews(2);
      expect(listed.results.map((r) => r.id)).toEqual([second.id, first.id]);
      expect(await store().reviewSnapshot(first.id)).toEqual(snapshot);
      expect(await store().reviewSnapshot('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('lists pending records oldest first, optionally only older ones', async () => {
      const pending = idsOf(await store().listPending());
      expect(pending.indexOf(ids[2]!)).toBeLessThan(pending.indexOf(ids[4]!));
      expect(pending).not.toContain(ids[0]);
      const older = idsOf(await store().listPending(middle));
      expect(older).not.toContain(ids[2]);
      expect(older).not.toContain(ids[4]);
    });
  });

  it('answers a ping', async () => {
    await expect(store().ping()).resolves.toBeUndefined();
  });
});
