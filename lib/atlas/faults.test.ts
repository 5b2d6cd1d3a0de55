import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateSeed } from '@/lib/emulator/seeds/generate';
import type { LoggedRequest } from '@/lib/emulator/request-log';
import type { AtlasClient } from './client';
import type { UpstreamError } from './errors';
import { startEmulatorFixture, testFlavors, type EmulatorFixture } from './testing/emulator-fixture';
import { upstreamFailure } from './testing/upstream-failure';

const seed = generateSeed({ keys: 1_100, projects: 4 });
const [busy, quiet] = seed.projects;
if (!busy || !quiet) throw new Error('the generated seed has projects');
const orgId = seed.orgs[0]?.id ?? '';
const spare = seed.apiKeys.find((k) => k.id !== seed.consoleKey && k.roles.some((r) => r.groupId === quiet.id));
if (!spare) throw new Error('no spare key');

let fixture: EmulatorFixture;
beforeAll(async () => {
  fixture = await startEmulatorFixture(seed);
});
afterAll(() => fixture.close());

const apiRequests = async (method: string) =>
  (await fixture.requests()).filter((r: LoggedRequest) => r.method === method && r.path !== '/api/oauth/token');

describe.each([
  { flavor: testFlavors[0], auth: 'digest' as const },
  { flavor: testFlavors[3], auth: 'oauth' as const },
])('faults on $flavor.flavor with $auth', ({ flavor, auth }) => {
  if (!flavor) throw new Error('no flavor');
  const orgPath = `${flavor.prefix}/orgs/${orgId}`;
  let atlas: AtlasClient;

  beforeEach(async () => {
    await fixture.reset();
    atlas = fixture.client(flavor, auth, { timeoutMs: 300, retry: { maxAttempts: 3, maxTotalMs: 3_000, baseDelayMs: 5 } });
    // Warm: the handshake is done, so the log shows only the calls under test.
    await atlas.getOrg();
    await fixture.clearRequests();
  });

  describe('a GET', () => {
    it.each([429, 500, 502, 503])('recovers from a %i', async (status) => {
      await fixture.fault({ method: 'GET', path: `${orgPath}$`, status, times: 2 });
      await expect(atlas.getOrg()).resolves.toMatchObject({ id: orgId });
      expect((await apiRequests('GET')).map((r) => r.status)).toEqual([status, status, 200]);
    });

    it('waits as long as Retry-After says', async () => {
      await fixture.fault({ method: 'GET', path: `${orgPath}$`, status: 429, headers: { 'Retry-After': '1' }, body: '{"error":429,"errorCode":"RATE_LIMITED"}' });
      const started = Date.now();
      await expect(atlas.getOrg()).resolves.toMatchObject({ id: orgId });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect((await apiRequests('GET')).map((r) => r.status)).toEqual([429, 200]);
    });

    it('gives up after maxAttempts with the upstream error', async () => {
      await fixture.fault({ method: 'GET', path: `${orgPath}$`, status: 503, times: 10, body: '{"error":503,"errorCode":"SERVICE_UNAVAILABLE","detail":"Down for maintenance."}' });
      const error = await upstreamFailure(atlas.getOrg());
      expect(error).toMatchObject({ kind: 'upstream', status: 503, errorCode: 'SERVICE_UNAVAILABLE', detail: 'Down for maintenance.' });
      expect(await apiRequests('GET')).toHaveLength(3);
    });

    it('gives up at once when Retry-After is beyond its total time', async () => {
      await fixture.fault({ method: 'GET', path: `${orgPath}$`, status: 429, headers: { 'Retry-After': '60' } });
      const started = Date.now();
      expect(await upstreamFailure(atlas.getOrg())).toMatchObject({ kind: 'upstream', status: 429, errorCode: 'TOO_MANY_REQUESTS' });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(await apiRequests('GET')).toHaveLength(1);
    });

    it('recovers from a dropped connection, and reports one that keeps dropping as a network error', async () => {
      await fixture.fault({ method: 'GET', path: `${orgPath}$`, drop: true });
      await expect(atlas.getOrg()).resolves.toMatchObject({ id: orgId });
      await fixture.fault({ method: 'GET', path: `${orgPath}$`, drop: true, times: 3 });
      const error = await upstreamFailure(atlas.getOrg());
      expect(error).toMatchObject({ kind: 'network', status: 502, errorCode: 'UPSTREAM_UNREACHABLE' });
      expect(error.detail).toMatch(/^The console could not reach the Admin API at [\w.:]+: the connection closed before an answer arrived\./);
      expect((await apiRequests('GET')).map((r) => r.status)).toEqual([0, 200, 0, 0, 0]);
    });

    it('times out clearly when the answer is too slow', async () => {
      await fixture.fault({ method: 'GET', path: `${orgPath}$`, delayMs: 1_000 });
      const started = Date.now();
      const error = await upstreamFailure(atlas.getOrg());
      expect(Date.now() - started).toBeLessThan(900);
      expect(error).toMatchObject({ kind: 'timeout', status: 504, errorCode: 'UPSTREAM_TIMEOUT' });
      expect(error.detail).toMatch(/did not answer within 0\.3 seconds/);
    });

    it('refuses malformed JSON', async () => {
      await fixture.fault({ method: 'GET', path: `${orgPath}$`, status: 200, body: '{"id": "abc", "name": ' });
      expect(await upstreamFailure(atlas.getOrg())).toMatchObject({ kind: 'invalid-response', status: 502, errorCode: 'INVALID_UPSTREAM_RESPONSE' });
      expect(await apiRequests('GET')).toHaveLength(1);
    });

    it('refuses an answer that does not fit the schema, without quoting it', async () => {
      const body = JSON.stringify({ results: [{ id: 'not-an-id', desc: 'x', publicKey: 'abcdefgh', privateKey: 'leaky-private-value', roles: [] }], totalCount: 1 });
      await fixture.fault({ method: 'GET', path: `/groups/${quiet.id}/apiKeys$`, status: 200, body });
      const error = await upstreamFailure(atlas.listProjectKeys(quiet.id));
      expect(error.kind).toBe('invalid-response');
      expect(error.detail).toContain('results.0.id');
      expect(JSON.stringify(error)).not.toContain('leaky-private-value');
      expect(error.detail).not.toContain('not-an-id');
    });

    it('refuses pages that do not add up instead of truncating', async () => {
      await fixture.fault({
        method: 'GET',
        path: `/orgs/${orgId}/apiKeys$`,
        status: 200,
        body: JSON.stringify({ results: [], totalCount: 1_100 }),
      });
      expect((await upstreamFailure(atlas.listOrgKeys())).detail).toContain('page 1: only 0 of the 500 results totalCount 1100 promises');
    });
  });

  describe('a write is sent exactly once, whatever happens', () => {
    const writes: [string, (a: AtlasClient) => Promise<unknown>, string, RegExp][] = [
      ['createProjectKey', (a) => a.createProjectKey(quiet.id, { desc: 'once', roles: ['GROUP_READ_ONLY'] }), 'POST', /\/apiKeys$/],
      ['updateKeyRoles', (a) => a.updateKeyRoles(quiet.id, spare.id, ['GROUP_READ_ONLY']), 'PATCH', /\/apiKeys\//],
      ['unassignKey', (a) => a.unassignKey(quiet.id, spare.id), 'DELETE', /\/apiKeys\//],
    ];
    const faults: [string, Record<string, unknown>, UpstreamError['kind']][] = [
      ['429 with Retry-After', { status: 429, headers: { 'Retry-After': '0' } }, 'upstream'],
      ['429 without Retry-After', { status: 429 }, 'upstream'],
      ['500', { status: 500 }, 'upstream'],
      ['502', { status: 502 }, 'upstream'],
      ['503', { status: 503 }, 'upstream'],
      ['a dropped connection', { drop: true }, 'network'],
      ['a slow answer', { delayMs: 800 }, 'timeout'],
      ['malformed JSON', { status: 200, body: '{"id":' }, 'invalid-response'],
      ['a schema mismatch', { status: 200, body: '{"id":"x"}' }, 'invalid-response'],
    ];

    it.each(writes)('%s', async (_name, run, method, path) => {
      for (const [, spec, kind] of faults) {
        await fixture.clearRequests();
        await fixture.fault({ method, path: path.source, times: 5, ...spec });
        // A DELETE's success is its status: whatever body comes with a 200 does not undo the removal.
        if (method === 'DELETE' && kind === 'invalid-response') await expect(run(atlas)).resolves.toBeUndefined();
        else expect((await upstreamFailure(run(atlas))).kind).toBe(kind);
        // A slow answer is logged when it is finally sent.
        if ('delayMs' in spec) await new Promise((resolve) => setTimeout(resolve, 600));
        expect(await apiRequests(method)).toHaveLength(1);
        await fixture.reset();
        await atlas.getOrg();
      }
    });
  });
});

describe('failures of the connection itself', () => {
  it('reports an upstream that is not listening as a network error a person understands', async () => {
    const closed = await startEmulatorFixture(seed);
    const flavor = testFlavors[0];
    if (!flavor) throw new Error('no flavor');
    await closed.emulator.close();
    const atlas = closed.client(flavor, 'digest', { retry: { maxAttempts: 2, baseDelayMs: 1 } });
    const error = await upstreamFailure(atlas.getOrg());
    expect(error).toMatchObject({ kind: 'network', status: 502 });
    expect(error.detail).toBe(`The console could not reach the Admin API at 127.0.0.1:${closed.emulator.port}: the connection was refused. Try again in a moment.`);
    await closed.close();
  });
});
