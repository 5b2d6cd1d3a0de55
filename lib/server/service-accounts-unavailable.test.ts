// On Ops Manager (an /api/public/v1.0 server that is not Cloud Manager) the console says service accounts do not exist there.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureSeed, ids } from '@/lib/emulator/testing/fixture-seed';
import { startHarness, type Harness } from '@/lib/testing/console-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(fixtureSeed(), { product: 'ops-manager' });
}, 180_000);
afterAll(async () => {
  await harness?.close();
});

it('answers SERVICE_ACCOUNTS_UNAVAILABLE with a sentence instead of an empty list, and asks the upstream nothing about them', async () => {
  await harness.clearUpstreamRequests();
  const answer = await harness.call('GET', `/api/groups/${ids.p1}/serviceAccounts`, { as: 'owner@demo.test' });
  expect(answer.status).toBe(404);
  expect(await answer.json()).toMatchObject({ errorCode: 'SERVICE_ACCOUNTS_UNAVAILABLE', detail: expect.stringMatching(/not available on this server/) });
  expect((await harness.upstreamRequests()).filter((r) => r.path.includes('serviceAccounts'))).toEqual([]);
});
