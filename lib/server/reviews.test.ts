// Signed-off reviews: the matrix is stored with the reviewer, and GET /api/audit?since= lists what changed after, made
// anywhere, to keys and service accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditReport } from '@/lib/api/audit';
import { review, reviewList } from '@/lib/api/reviews';
import { credentials, fixtureSeed, ids, keyIds, serviceAccounts } from '@/lib/emulator/testing/fixture-seed';
import { surfaceClient, testSurfaces } from '@/lib/emulator/testing/surface-client';
import { startHarness, type Harness } from '@/lib/testing/console-harness';

const orgOwner = 'boss@demo.test';
const projectOwner = 'owner@demo.test';
let harness: Harness;

beforeAll(async () => {
  const seed = fixtureSeed();
  seed.users.push({ id: 'd'.repeat(24), username: orgOwner, emailAddress: orgOwner, firstName: 'Bo', lastName: 'Ss', roles: [{ orgId: ids.org, roleName: 'ORG_OWNER' }] });
  // Cloud Manager's surface: it has service accounts, whose changes the reviews follow too.
  harness = await startHarness(seed, { product: 'cloud-manager' });
  await harness.call('GET', '/api/audit/reviews', { as: orgOwner });
}, 180_000);
afterAll(async () => {
  await harness?.close();
});

describe('audit reviews', () => {
  it('signs a review, lists it with its reviewer, and shows what changed since, through the console and outside it', async () => {
    const signed = await harness.call('POST', '/api/audit/reviews', { as: orgOwner, body: { note: 'Q4 review' } });
    expect(signed.status).toBe(200);
    const mine = review.parse(await signed.json());
    expect(mine).toMatchObject({ reviewer: orgOwner, note: 'Q4 review' });

    const listed = reviewList.parse(await (await harness.call('GET', '/api/audit/reviews', { as: orgOwner })).json());
    expect(listed.results[0]).toEqual(mine);

    const none = auditReport.parse(await (await harness.call('GET', `/api/audit?since=${mine.id}`, { as: orgOwner })).json());
    expect(none.changesSince).toEqual([]);

    expect((await harness.call('PATCH', `/api/groups/${ids.p1}/apiKeys/${keyIds.multi}`, { as: orgOwner, body: { roles: ['GROUP_OWNER'] } })).status).toBe(200);
    const outside = surfaceClient(harness.emulator.url, testSurfaces[0]!, credentials.p1Owner);
    expect((await outside('DELETE', `/groups/${ids.p1}/apiKeys/${keyIds.p1Reader}`)).status).toBe(204);

    // A service account's roles changed through the console, and the same account invited to another project outside it.
    const account = serviceAccounts.reader.clientId;
    expect((await harness.call('PATCH', `/api/groups/${ids.p1}/serviceAccounts/${account}`, { as: orgOwner, body: { roles: ['GROUP_OWNER'] } })).status).toBe(200);
    const outsideOwner = surfaceClient(harness.emulator.url, testSurfaces[0]!, credentials.console);
    expect((await outsideOwner('POST', `/groups/${ids.p2}/serviceAccounts/${account}:invite`, { roles: ['GROUP_READ_ONLY'] })).status).toBe(200);

    const after = auditReport.parse(await (await harness.call('GET', `/api/audit?since=${mine.id}`, { as: orgOwner })).json());
    expect(after.changesSince).toEqual([
      ...[
        { kind: 'key', id: keyIds.p1Reader, groupId: ids.p1, rolesBefore: ['GROUP_READ_ONLY'], rolesAfter: [] },
        { kind: 'key', id: keyIds.multi, groupId: ids.p1, rolesBefore: ['GROUP_READ_ONLY'], rolesAfter: ['GROUP_OWNER'] },
      ].sort((a, b) => a.id.localeCompare(b.id)),
      { kind: 'serviceAccount', id: account, groupId: ids.p1, rolesBefore: ['GROUP_READ_ONLY'], rolesAfter: ['GROUP_OWNER'] },
      { kind: 'serviceAccount', id: account, groupId: ids.p2, rolesBefore: [], rolesAfter: ['GROUP_READ_ONLY'] },
    ]);
  }, 60_000);

  it('lets only people who see the whole organization sign or list, and refuses an unknown review', async () => {
    expect((await harness.call('POST', '/api/audit/reviews', { as: projectOwner, body: {} })).status).toBe(403);
    expect((await harness.call('GET', '/api/audit/reviews', { as: projectOwner })).status).toBe(403);
    expect((await harness.call('POST', '/api/audit/reviews', { as: orgOwner, body: { note: 'x'.repeat(1001) } })).status).toBe(400);
    expect((await harness.call('GET', `/api/audit?since=${'0'.repeat(8)}-0000-4000-8000-000000000000`, { as: orgOwner })).status).toBe(404);
    expect((await harness.call('GET', '/api/audit?since=not-a-uuid', { as: orgOwner })).status).toBe(400);
  }, 60_000);
});
