// GET /api/activity: one timeline of the console's records and the Admin API's key events made outside it, read incrementally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityPage, type ChangeRecord } from '@/lib/api/activity';
import { credentials, fixtureSeed, ids, keyIds } from '@/lib/emulator/testing/fixture-seed';
import { surfaceClient, testSurfaces } from '@/lib/emulator/testing/surface-client';
import { startHarness, type Harness } from '@/lib/testing/console-harness';
import { forgetLastSync } from './outside-events';

const owner = 'owner@demo.test';
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(fixtureSeed());
  // Opens the change history (PGlite) before the timed tests.
  await harness.call('GET', '/api/activity', { as: owner });
}, 180_000);
afterAll(async () => {
  await harness?.close();
});

async function timeline(query: string): Promise<ChangeRecord[]> {
  const answer = await harness.call('GET', `/api/activity?${query}`, { as: owner });
  expect(answer.status).toBe(200);
  return activityPage.parse(await answer.json()).results;
}

describe('the activity timeline', () => {
  it("shows a change made straight against the Admin API with another key as made outside the console, with its actor; the console's own change once, with the person", async () => {
    const viaConsole = await harness.call('PATCH', `/api/groups/${ids.p1}/apiKeys/${keyIds.multi}`, {
      as: owner,
      body: { roles: ['GROUP_OWNER'] },
    });
    expect(viaConsole.status).toBe(200);
    // Another credential, signed with Digest like `curl --digest`, straight at the emulator.
    const outside = surfaceClient(harness.emulator.url, testSurfaces[0]!, credentials.p1Owner);
    expect((await outside('PATCH', `/groups/${ids.p1}/apiKeys/${keyIds.p1Reader}`, { roles: ['GROUP_OWNER'] })).status).toBe(200);

    harness.forgetCaches();
    const entries = await timeline(`groupId=${ids.p1}`);
    const mine = entries.filter((e) => e.publicKey === credentials.multi.publicKey);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ origin: 'console', actor: owner, action: 'update_roles', rolesAfter: ['GROUP_OWNER'] });
    const theirs = entries.filter((e) => e.origin === 'outside');
    expect(theirs).toEqual([
      expect.objectContaining({
        actor: credentials.p1Owner.publicKey,
        action: 'update_roles',
        eventType: 'API_KEY_ROLES_CHANGED',
        groupId: ids.p1,
        publicKey: credentials.p1Reader.publicKey,
        remoteAddress: '127.0.0.1',
      }),
    ]);

    expect((await timeline(`groupId=${ids.p1}&origin=outside`)).map((e) => e.origin)).toEqual(['outside']);
    expect((await timeline(`groupId=${ids.p1}&origin=console`)).every((e) => e.origin === 'console')).toBe(true);
    expect(await timeline(`groupId=${ids.p1}&actor=${credentials.p1Owner.publicKey}`)).toHaveLength(1);

    const csv = await (await harness.call('GET', `/api/activity?groupId=${ids.p1}&format=csv`, { as: owner })).text();
    expect(csv.split('\r\n')[0]).toContain('origin');
    expect(csv).toContain(`,outside,`);
    expect(csv).toContain('API_KEY_ROLES_CHANGED,127.0.0.1');
  }, 60_000);

  it("reads events from where it last read, not the whole history, and only the person's projects", async () => {
    forgetLastSync();
    await timeline('');
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    await harness.clearUpstreamRequests();
    await timeline('');
    const reads = (await harness.upstreamRequests()).filter((r) => r.path.endsWith('/events') && !r.challenged);
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read.query).toHaveProperty('minDate');
    // owner@demo.test sees Project One and Two only, and no organization events.
    expect((await timeline('')).every((e) => e.groupId === ids.p1 || e.groupId === ids.p2)).toBe(true);
  }, 60_000);
});
