// Bench figure 2 in a test: on a warm console a page view costs one upstream call, a role edit at most two, and no Digest challenge.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedSchema } from '@/lib/emulator/seed';
import { demoSeedPath } from '@/lib/emulator/seeds/demo';
import { startHarness, type Harness } from '@/lib/testing/console-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(seedSchema.parse(JSON.parse(readFileSync(demoSeedPath, 'utf8'))));
});
afterAll(() => harness.close());

it('after warm-up: one upstream call per page view, at most two per role edit, none challenged', async () => {
  const as = 'orgowner@demo.test';
  const groupId = harness.seed.projects[0]!.id;
  const keyId = harness.seed.apiKeys.find((k) => k.id !== harness.seed.consoleKey && k.roles.some((r) => r.groupId === groupId))!.id;
  const read = () => harness.call('GET', `/api/groups/${groupId}/apiKeys`, { as });
  const write = (roles: string[]) =>
    harness.call('PATCH', `/api/groups/${groupId}/apiKeys/${keyId}`, { as, body: { roles }, headers: { 'sec-fetch-site': 'same-origin' } });
  // Warm-up: the change history, the Digest nonce and the person's roles (cached 30 s, so read last: opening the
  // change history can take longer than that on a busy machine).
  expect((await write(['GROUP_READ_ONLY'])).status).toBe(200);
  expect((await read()).status).toBe(200);

  await harness.clearUpstreamRequests();
  for (let i = 0; i < 20; i++) expect((await read()).status).toBe(200);
  const reads = await harness.upstreamRequests();
  await harness.clearUpstreamRequests();
  for (let i = 0; i < 10; i++) expect((await write(i % 2 ? ['GROUP_READ_ONLY'] : ['GROUP_READ_ONLY', 'GROUP_DATA_ACCESS_READ_ONLY'])).status).toBe(200);
  const writes = await harness.upstreamRequests();

  expect(reads.map((r) => `${r.method} ${r.status}`)).toEqual(Array.from({ length: 20 }, () => 'GET 200'));
  expect(writes.length).toBeLessThanOrEqual(20);
  expect([...reads, ...writes].filter((r) => r.challenged || r.status === 401)).toEqual([]);
}, 120_000);
