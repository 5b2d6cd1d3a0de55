import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateSeed } from '@/lib/emulator/seeds/generate';
import type { LoggedRequest } from '@/lib/emulator/request-log';
import type { AtlasClient } from './client';
import { startEmulatorFixture, testFlavors, type EmulatorFixture } from './testing/emulator-fixture';

const seed = generateSeed({ keys: 1_100, projects: 4 });
const [busy, quiet] = seed.projects;
if (!busy || !quiet) throw new Error('the generated seed has projects');
const spare = seed.apiKeys.find((k) => k.id !== seed.consoleKey && !k.roles.some((r) => r.groupId === quiet.id));
if (!spare) throw new Error('no spare key');
const busyKeys = seed.apiKeys.filter((k) => k.roles.some((r) => r.groupId === busy.id)).length;

const summary = (log: LoggedRequest[]) => log.map((r) => `${r.method} ${r.status} ${r.auth}${r.challenged ? ' challenged' : ''}`);
const tokenRequests = (log: LoggedRequest[]) => log.filter((r) => r.path === '/api/oauth/token');

/** Every operation with the number of upstream requests it should cost a warm client (v2's assign answers 204, so the key is read back). */
const operations: [string, (atlas: AtlasClient) => Promise<unknown>, number | { v2: number; other: number }][] = [
  ['getOrg', (a) => a.getOrg(), 1],
  ['listProjects', (a) => a.listProjects(), 1],
  ['getProject', (a) => a.getProject(busy.id), 1],
  ['listProjectKeys (2 pages)', (a) => a.listProjectKeys(busy.id), Math.ceil(busyKeys / 500)],
  ['listOrgKeys (3 pages)', (a) => a.listOrgKeys(), 3],
  ['getOrgKey', (a) => a.getOrgKey(spare.id), 1],
  ['listProjectUsers', (a) => a.listProjectUsers(busy.id), 1],
  ['listOrgUsers', (a) => a.listOrgUsers(), 1],
  ['createProjectKey', (a) => a.createProjectKey(quiet.id, { desc: 'round trips', roles: ['GROUP_READ_ONLY'] }), 1],
  ['assignKey', (a) => a.assignKey(quiet.id, spare.id, ['GROUP_READ_ONLY']), { v2: 2, other: 1 }],
  ['updateKeyRoles', (a) => a.updateKeyRoles(quiet.id, spare.id, ['GROUP_OWNER']), 1],
  ['unassignKey', (a) => a.unassignKey(quiet.id, spare.id), 1],
];

let fixture: EmulatorFixture;
beforeAll(async () => {
  fixture = await startEmulatorFixture(seed, { tokenTtlSeconds: 3600 });
});
afterAll(() => fixture.close());
beforeEach(() => fixture.reset());

describe.each(testFlavors)('a warm Digest client on $flavor', (flavor) => {
  it('makes exactly one request per call (one per page for lists), never challenged', async () => {
    expect(busyKeys).toBeGreaterThan(500);
    const atlas = fixture.client(flavor, 'digest');
    await atlas.getOrg();
    for (const [, run, cost] of operations) {
      const expected = typeof cost === 'number' ? cost : flavor.flavor === 'atlas-v2' ? cost.v2 : cost.other;
      await fixture.clearRequests();
      await run(atlas);
      const log = await fixture.requests();
      expect(summary(log)).toEqual(Array.from({ length: expected }, () => expect.stringMatching(/^\w+ 20\d digest$/)));
    }
  });
});

describe('Digest handshakes', () => {
  const flavor = testFlavors[0];
  if (!flavor) throw new Error('no flavor');

  it('costs a cold client one challenge, once', async () => {
    const atlas = fixture.client(flavor, 'digest');
    await atlas.getOrg();
    await atlas.getOrg();
    expect(summary(await fixture.requests())).toEqual(['GET 401 none challenged', 'GET 200 digest', 'GET 200 digest']);
  });

  it('costs N concurrent cold calls one challenge each, once', async () => {
    const atlas = fixture.client(flavor, 'digest');
    await Promise.all(Array.from({ length: 10 }, () => atlas.getProject(busy.id)));
    const log = await fixture.requests();
    expect(summary(log).filter((r) => r === 'GET 401 none challenged')).toHaveLength(10);
    expect(summary(log).filter((r) => r === 'GET 200 digest')).toHaveLength(10);
    expect(log).toHaveLength(20);
    await fixture.clearRequests();
    await Promise.all(Array.from({ length: 10 }, () => atlas.getProject(busy.id)));
    expect(summary(await fixture.requests())).toEqual(Array.from({ length: 10 }, () => 'GET 200 digest'));
  });

  it('keeps many concurrent warm calls working', async () => {
    const atlas = fixture.client(flavor, 'digest');
    await atlas.getOrg();
    await fixture.clearRequests();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? atlas.getOrg() : atlas.getProject(busy.id))));
    expect(results).toHaveLength(40);
    const log = await fixture.requests();
    expect(log.filter((r) => r.status === 200)).toHaveLength(40);
    // At most 32 requests are in flight (one per connection and nonce); 31 of them had to ask for a nonce.
    expect(log.filter((r) => r.status !== 200).every((r) => r.challenged && r.auth === 'none')).toBe(true);
    expect(log.length).toBeLessThanOrEqual(40 + 31);
  });
});

describe('a stale nonce', () => {
  let short: EmulatorFixture;
  beforeAll(async () => {
    short = await startEmulatorFixture(seed, { nonceTtlMs: 150 });
  });
  afterAll(() => short.close());

  it('costs exactly one extra request, after which the fresh nonce is reused', async () => {
    const flavor = testFlavors[3];
    if (!flavor) throw new Error('no flavor');
    const atlas = short.client(flavor, 'digest');
    await atlas.getOrg();
    await sleep(200);
    await short.clearRequests();
    await atlas.getOrg();
    await atlas.getProject(busy.id);
    expect(summary(await short.requests())).toEqual(['GET 401 digest challenged', 'GET 200 digest', 'GET 200 digest']);
  });
});

describe.each(testFlavors)('a service account on $flavor', (flavor) => {
  it('fetches its token once for many calls', async () => {
    const atlas = fixture.client(flavor, 'oauth');
    for (const [, run] of operations) await run(atlas);
    const log = await fixture.requests();
    expect(tokenRequests(log)).toHaveLength(1);
    expect(log.filter((r) => r.path !== '/api/oauth/token').every((r) => r.auth === 'bearer' && r.status < 300)).toBe(true);
  });

  it('fetches one token for many concurrent cold calls', async () => {
    const atlas = fixture.client(flavor, 'oauth');
    await Promise.all(Array.from({ length: 20 }, () => atlas.getProject(busy.id)));
    const log = await fixture.requests();
    expect(tokenRequests(log)).toHaveLength(1);
    expect(log).toHaveLength(21);
  });
});

describe('token renewal', () => {
  it('refreshes the token once when the upstream answers 401 to it', async () => {
    const flavor = testFlavors[3];
    if (!flavor) throw new Error('no flavor');
    const atlas = fixture.client(flavor, 'oauth');
    await atlas.getOrg();
    await fixture.fault({ method: 'GET', path: '/orgs/[0-9a-f]+$', status: 401, body: '{"error":401,"errorCode":"USER_UNAUTHORIZED"}' });
    await fixture.clearRequests();
    await expect(atlas.getOrg()).resolves.toMatchObject({ id: fixture.orgId });
    expect(summary(await fixture.requests())).toEqual(['GET 401 bearer', 'POST 200 basic', 'GET 200 bearer']);
  });

  it('fetches a new token when the old one is about to expire', async () => {
    const shortLived = await startEmulatorFixture(seed, { tokenTtlSeconds: 1 });
    try {
      const flavor = testFlavors[0];
      if (!flavor) throw new Error('no flavor');
      const atlas = shortLived.client(flavor, 'oauth');
      await atlas.getOrg();
      await atlas.getOrg();
      await sleep(600);
      await atlas.getOrg();
      expect(summary(await shortLived.requests())).toEqual(['POST 200 basic', 'GET 200 bearer', 'GET 200 bearer', 'POST 200 basic', 'GET 200 bearer']);
    } finally {
      await shortLived.close();
    }
  });
});
