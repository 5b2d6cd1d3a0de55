import { describe, expect, it } from 'vitest';
import type { ChangeIntent, ChangeRecord } from './change';
import { settlePending } from './recovery';
import { hexId, storeForBlock, testDatabases } from './testing/test-databases';

const OWNER = 'GROUP_OWNER';
const READ = 'GROUP_READ_ONLY';

interface Case {
  name: string;
  intent: Pick<ChangeIntent, 'action' | 'rolesBefore' | 'rolesAfter'> & { noKeyId?: true };
  /** What the upstream answers now; 'throws' when it cannot be read. */
  current: string[] | null | 'throws';
  expected: Partial<ChangeRecord>;
}

const cases: Case[] = [
  { name: 'update applied', intent: { action: 'update_roles', rolesBefore: [READ], rolesAfter: [OWNER, READ] }, current: [READ, OWNER], expected: { outcome: 'success', rolesAfter: [READ, OWNER] } },
  { name: 'update not applied', intent: { action: 'update_roles', rolesBefore: [READ], rolesAfter: [OWNER] }, current: [READ], expected: { outcome: 'failure', errorCode: 'NOT_APPLIED' } },
  { name: 'update overtaken', intent: { action: 'update_roles', rolesBefore: [READ], rolesAfter: [OWNER] }, current: ['GROUP_DATA_ACCESS_ADMIN'], expected: { outcome: 'unknown' } },
  { name: 'update, key gone', intent: { action: 'update_roles', rolesBefore: [READ], rolesAfter: [OWNER] }, current: null, expected: { outcome: 'unknown' } },
  { name: 'assign applied', intent: { action: 'assign', rolesBefore: [], rolesAfter: [READ] }, current: [READ], expected: { outcome: 'success' } },
  { name: 'assign not applied', intent: { action: 'assign', rolesBefore: [], rolesAfter: [READ] }, current: null, expected: { outcome: 'failure', errorCode: 'NOT_APPLIED' } },
  { name: 'unassign applied', intent: { action: 'unassign', rolesBefore: [READ], rolesAfter: [] }, current: null, expected: { outcome: 'success', rolesAfter: [] } },
  { name: 'unassign not applied', intent: { action: 'unassign', rolesBefore: [READ], rolesAfter: [] }, current: [READ], expected: { outcome: 'failure', errorCode: 'NOT_APPLIED' } },
  { name: 'create, id never learned', intent: { action: 'create', rolesBefore: [], rolesAfter: [OWNER], noKeyId: true }, current: [OWNER], expected: { outcome: 'unknown', apiKeyId: null } },
  { name: 'upstream unreadable', intent: { action: 'update_roles', rolesBefore: [READ], rolesAfter: [OWNER] }, current: 'throws', expected: { outcome: 'unknown' } },
];

describe.each(testDatabases())('settlePending on $name', (databases) => {
  const store = storeForBlock(databases);

  it('settles each pending record from the key’s current roles, else marks it unknown', async () => {
    const groupId = hexId();
    const current = new Map<string, Case['current']>();
    const planned = new Map<string, Case>();
    for (const each of cases) {
      const apiKeyId = hexId();
      const { noKeyId, ...fields } = each.intent;
      const id = await store().recordIntent({ actor: 'a@example.com', groupId, ...fields, apiKeyId: noKeyId ? undefined : apiKeyId });
      current.set(apiKeyId, each.current);
      planned.set(id, each);
    }
    const done = await store().recordIntent({ actor: 'a@example.com', action: 'assign', groupId, apiKeyId: hexId(), rolesBefore: [], rolesAfter: [READ] });
    await store().recordOutcome(done, { outcome: 'success' });

    const asked: string[] = [];
    const counts = await settlePending(store(), async (group, apiKeyId) => {
      expect(group).toBe(groupId);
      asked.push(apiKeyId);
      const roles = current.get(apiKeyId);
      if (roles === 'throws' || roles === undefined) throw new Error('upstream down');
      return roles;
    });

    const unknown = cases.filter((c) => c.expected.outcome === 'unknown').length;
    expect(counts).toEqual({ settled: cases.length - unknown, unknown });
    expect(asked).toHaveLength(cases.length - 1);
    const { results } = await store().list({ groupId });
    for (const record of results.filter((r) => r.id !== done)) {
      const { name, expected } = planned.get(record.id)!;
      expect({ name, ...record }).toMatchObject({ name, ...expected, settledBy: 'recovery' });
      expect(record.completedAt).not.toBeNull();
      if (record.outcome !== 'success') expect(record.detail).toMatch(/console stopped/);
    }
    expect(results.find((r) => r.id === done)).toMatchObject({ outcome: 'success', settledBy: null });
    expect(await store().listPending()).toEqual([]);
  });

  it('leaves records newer than `olderThan` alone: they may still be in flight on another instance', async () => {
    const groupId = hexId();
    const id = await store().recordIntent({ actor: 'a@example.com', action: 'assign', groupId, apiKeyId: hexId(), rolesBefore: [], rolesAfter: [READ] });
    const counts = await settlePending(store(), async () => [READ], { olderThan: new Date(Date.now() - 60_000) });
    expect(counts).toEqual({ settled: 0, unknown: 0 });
    expect((await store().list({ groupId })).results[0]?.outcome).toBe('pending');
    await settlePending(store(), async () => [READ], { olderThan: new Date(Date.now() + 1000) });
    expect((await store().list({ groupId })).results[0]).toMatchObject({ id, outcome: 'success', settledBy: 'recovery' });
  });
});
