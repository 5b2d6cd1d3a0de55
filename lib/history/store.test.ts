import { beforeAll, describe, expect, it } from 'vitest';
import { changeRecord } from '@/lib/api/activity';
import { mergeDepth, type ChangeIntent } from './change';
import { openChangeStore } from './open-store';
import type { OutsideEvent } from './store';
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

  describe('outside events', () => {
    const groupA = hexId();
    const groupB = hexId();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));
    const event = (minute: number, overrides: Partial<OutsideEvent> = {}): OutsideEvent => ({
      id: hexId(),
      createdAt: at(minute),
      actor: 'someoneX',
      action: 'update_roles',
      eventType: 'API_KEY_ROLES_CHANGED',
      groupId: groupA,
      publicKey: 'targetxx',
      remoteAddress: '192.0.2.7',
      ...overrides,
    });
    // Oldest first: the org's creation, three project changes by two actors, one in another project.
    const events = [
      event(0, { groupId: null, action: 'create', eventType: 'API_KEY_CREATED' }),
      event(1, { actor: 'Ann@Example.com' }),
      event(2, { action: 'unassign', eventType: 'API_KEY_REMOVED_FROM_GROUP' }),
      event(3, { groupId: groupB }),
      event(4, { actor: 'ann@example.com', action: 'change_access_list', eventType: 'API_KEY_ACCESS_LIST_ENTRY_ADDED' }),
    ];
    const idsOf = (page: { results: { id: string }[] }) => page.results.map((r) => r.id);
    const newestFirst = (...indexes: number[]) => indexes.map((i) => events[i]!.id);

    beforeAll(async () => {
      expect(await store().saveOutsideEvents('org', at(1), events.slice(0, 1))).toBe(1);
      expect(await store().saveOutsideEvents(groupA, at(5), events.slice(1))).toBe(4);
    });

    it('keeps an event once however often it is read, and moves a scope’s mark only forward', async () => {
      expect(await store().saveOutsideEvents(groupA, at(3), events.slice(1))).toBe(0);
      expect((await store().eventReadMarks()).get(groupA)).toEqual(at(5));
      expect((await store().eventReadMarks()).get('org')).toEqual(at(1));
      expect((await store().listOutsideEvents({ groupIds: [groupA, groupB], withOrgEvents: true })).totalCount).toBe(5);
    });

    it('records a scope read with nothing new', async () => {
      const scope = hexId();
      expect(await store().saveOutsideEvents(scope, at(9), [])).toBe(0);
      expect((await store().eventReadMarks()).get(scope)).toEqual(at(9));
    });

    it('lists them as timeline entries, newest first', async () => {
      const page = await store().listOutsideEvents({ groupIds: [groupA, groupB], withOrgEvents: true });
      expect(idsOf(page)).toEqual(newestFirst(4, 3, 2, 1, 0));
      const oldest = page.results[4]!;
      const { createdAt, ...said } = events[0]!;
      // What the event says, as a timeline entry...
      expect(oldest).toMatchObject({ ...said, origin: 'outside', createdAt: createdAt.toISOString(), completedAt: createdAt.toISOString(), kind: 'key', clientId: null });
      // ...and none of what only a change made through the console has: it happened, so it succeeded.
      expect(oldest).toMatchObject({ apiKeyId: null, secretId: null, keyDesc: null, rolesBefore: [], rolesAfter: [], outcome: 'success', errorCode: null, detail: null, settledBy: null });
      expect(Object.keys(oldest).sort()).toEqual(Object.keys(changeRecord.shape).sort());
    });

    it.each([
      ['projects only', { groupIds: [groupA], withOrgEvents: false }, [4, 2, 1]],
      ['no projects', { groupIds: [], withOrgEvents: false }, []],
      ['actor (any case)', { groupIds: [groupA], withOrgEvents: false, actor: 'ANN@example.com' }, [4, 1]],
      ['action', { groupIds: [groupA, groupB], withOrgEvents: true, action: 'update_roles' as const }, [3, 1]],
      ['from and to', { groupIds: [groupA, groupB], withOrgEvents: true, from: at(1), to: at(3) }, [2, 1]],
      ['paging', { groupIds: [groupA, groupB], withOrgEvents: true, limit: 2, offset: 1 }, [3, 2]],
    ])('filters by %s', async (_name, filter, expected) => {
      const page = await store().listOutsideEvents(filter);
      expect(idsOf(page)).toEqual(newestFirst(...expected));
      if (_name !== 'paging') expect(page.totalCount).toBe(expected.length);
    });

    it('refuses an event whose id is not the upstream’s', async () => {
      await expect(store().saveOutsideEvents(hexId(), at(9), [event(9, { id: 'not-an-id' })])).rejects.toThrow();
    });

    it.runIf(databases.name === 'PostgreSQL')('stores an event once when two instances read it at the same time', async () => {
      const options = await databases.fresh();
      const [one, two] = await Promise.all([openChangeStore(options), openChangeStore(options)]);
      try {
        const scope = hexId();
        const batch = Array.from({ length: 50 }, (_, i) => event(10 + i / 100, { groupId: scope }));
        const added = await Promise.all([one.saveOutsideEvents(scope, at(20), batch), two.saveOutsideEvents(scope, at(21), batch)]);
        expect(added[0] + added[1]).toBe(50);
        expect((await one.listOutsideEvents({ groupIds: [scope], withOrgEvents: false })).totalCount).toBe(50);
        expect((await two.eventReadMarks()).get(scope)).toEqual(at(21));
      } finally {
        await Promise.all([one.close(), two.close()]);
      }
    });
  });

  it('answers a ping', async () => {
    await expect(store().ping()).resolves.toBeUndefined();
  });
});
