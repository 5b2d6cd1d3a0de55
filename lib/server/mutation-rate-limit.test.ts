import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedSchema } from '@/lib/emulator/seed';
import { demoSeedPath } from '@/lib/emulator/seeds/demo';
import { startHarness, type Harness } from '@/lib/testing/console-harness';

let harness: Harness;

beforeAll(async () => {
  // Three changes a minute per person.
  harness = await startHarness(seedSchema.parse(JSON.parse(readFileSync(demoSeedPath, 'utf8'))), { mutationsPerMinute: 3 });
});

afterAll(() => harness.close());

it('one person past their budget of changes gets 429 with Retry-After, before any upstream call; others are unaffected', async () => {
  const groupId = harness.seed.users.find((u) => u.emailAddress === 'owner@demo.test')!.roles.find((r) => r.roleName === 'GROUP_OWNER')!.groupId!;
  const create = (as: string) => harness.call('POST', `/api/groups/${groupId}/apiKeys`, { as, body: { desc: `limit ${as}`, roles: ['GROUP_READ_ONLY'] } });
  for (let i = 0; i < 3; i++) expect((await create('orgowner@demo.test')).status).toBe(200);
  await harness.clearUpstreamRequests();
  const refused = await create('orgowner@demo.test');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
  expect(await refused.json()).toMatchObject({ error: 429, errorCode: 'TOO_MANY_CHANGES', reason: 'Too Many Requests' });
  expect(await harness.upstreamRequests()).toEqual([]);
  // Reads are not limited, and another person has a budget of their own.
  expect((await harness.call('GET', `/api/groups/${groupId}/apiKeys`, { as: 'orgowner@demo.test' })).status).toBe(200);
  expect((await create('owner@demo.test')).status).toBe(200);
});
