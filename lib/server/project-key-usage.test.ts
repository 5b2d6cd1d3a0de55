// GET /api/groups/{groupId}/keyUsage over the emulator: each key's last use as its access list records it, for people
// with a role in the project only, and each access list read once per usage window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyUsageList } from '@/lib/api/key-usage';
import { fixtureSeed, ids } from '@/lib/emulator/testing/fixture-seed';
import { startHarness, type Harness } from '@/lib/testing/console-harness';
import { forgetKeyUsage } from './key-usage';

let harness: Harness;
const seed = fixtureSeed();

beforeAll(async () => {
  harness = await startHarness(seed);
}, 180_000);
afterAll(async () => {
  await harness?.close();
});

/** The usage the seed gives each key of the project, computed plainly from its access list entries. */
function expectedUsage(groupId: string) {
  return seed.apiKeys
    .filter((key) => key.roles.some((r) => r.groupId === groupId))
    .map((key) => {
      const used = (key.accessList ?? []).filter((e) => e.lastUsed).sort((a, b) => Date.parse(b.lastUsed!) - Date.parse(a.lastUsed!))[0];
      return {
        apiKeyId: key.id,
        accessListEntries: key.accessList?.length ?? 0,
        ...(used ? { lastUsed: new Date(used.lastUsed!).toISOString(), lastUsedAddress: used.lastUsedAddress } : {}),
      };
    })
    .sort((a, b) => a.apiKeyId.localeCompare(b.apiKeyId));
}

const upstreamCalls = async () => (await harness.upstreamRequests()).filter((r) => !(r.status === 401 && r.challenged)).map((r) => r.path.split('?')[0]!);

describe('GET /api/groups/{groupId}/keyUsage', () => {
  it("answers each of the project's keys' last use, reading each access list once per usage window", async () => {
    forgetKeyUsage();
    harness.forgetCaches();
    await harness.call('GET', `/api/groups/${ids.p1}/apiKeys`, { as: 'owner@demo.test' });
    await harness.clearUpstreamRequests();
    const answer = await harness.call('GET', `/api/groups/${ids.p1}/keyUsage`, { as: 'owner@demo.test' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const usage = keyUsageList.parse(await answer.json()).results.sort((a, b) => a.apiKeyId.localeCompare(b.apiKeyId));
    const expected = expectedUsage(ids.p1);
    expect(usage).toEqual(expected);
    expect(usage.some((u) => u.lastUsed) && usage.some((u) => u.accessListEntries === 0)).toBe(true);
    const cold = await upstreamCalls();
    expect(cold.filter((p) => p.endsWith('/accessList'))).toHaveLength(expected.length);
    expect(cold).toHaveLength(expected.length + 1);

    await harness.clearUpstreamRequests();
    await harness.call('GET', `/api/groups/${ids.p1}/keyUsage`, { as: 'owner@demo.test' });
    expect(await upstreamCalls()).toEqual([expect.stringMatching(new RegExp(`/groups/${ids.p1}/apiKeys$`))]);
  });

  it('is refused to someone with no role in the project, before any access list is read', async () => {
    await harness.clearUpstreamRequests();
    const answer = await harness.call('GET', `/api/groups/${ids.p1}/keyUsage`, { as: 'member@demo.test' });
    expect(answer.status).toBe(404);
    expect((await upstreamCalls()).filter((p) => p.endsWith('/accessList'))).toEqual([]);
    expect((await harness.call('GET', `/api/groups/${ids.p1}/keyUsage`)).status).toBe(401);
  });
});
