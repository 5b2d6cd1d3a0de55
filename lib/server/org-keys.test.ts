import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyList } from '@/lib/api/schemas';
import { loadSeed } from '@/lib/emulator/seed';
import { demoSeedPath } from '@/lib/emulator/seeds/demo';
import { startHarness, type Harness } from '@/lib/testing/console-harness';

// GET /api/orgs/{orgId}/apiKeys feeds "Assign existing key": every key of the organization but the console's own.
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(loadSeed(demoSeedPath));
});
afterAll(() => harness.close());

describe('the organization keys a person is offered', () => {
  it('leaves out the console’s own key and counts what it lists', async () => {
    const { seed } = harness;
    const own = seed.apiKeys.find((k) => k.id === seed.consoleKey)!;
    const answer = await harness.call('GET', `/api/orgs/${own.orgId}/apiKeys`, { as: 'owner@demo.test' });
    expect(answer.status).toBe(200);
    const list = (await answer.json()) as ApiKeyList;
    expect(list.results.map((k) => k.id)).not.toContain(own.id);
    expect(list.results).toHaveLength(seed.apiKeys.length - 1);
    expect(list.totalCount).toBe(list.results.length);
  });
});
