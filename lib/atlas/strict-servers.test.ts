// The Digest client against servers stricter than the forgiving emulator: strict counts, retired nonces, a restart, two nodes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorOptions } from '@/lib/emulator/server';
import { generateSeed } from '@/lib/emulator/seeds/generate';
import type { LoggedRequest } from '@/lib/emulator/request-log';
import type { AtlasClient } from './client';
import { startEmulatorFixture, testFlavors, type EmulatorFixture } from './testing/emulator-fixture';

const seed = generateSeed({ keys: 20, projects: 2 });
const flavor = testFlavors.find((f) => f.flavor === 'atlas-v2');
if (!flavor) throw new Error('no v2 flavor');

const signedFailures = (log: LoggedRequest[]) => log.filter((r) => r.auth === 'digest' && r.status !== 200);
const reads = (atlas: AtlasClient, n: number) => Promise.all(Array.from({ length: n }, () => atlas.getOrg()));

function withServer(options: Omit<EmulatorOptions, 'seed' | 'port'>) {
  const server: { fixture?: EmulatorFixture } = {};
  beforeAll(async () => {
    server.fixture = await startEmulatorFixture(seed, options);
  });
  afterAll(() => server.fixture?.close());
  return () => {
    if (!server.fixture) throw new Error('not started');
    return server.fixture;
  };
}

describe('strict nonce counts (a count not above the highest seen gets 401 stale=false)', () => {
  const fixture = withServer({ digest: { counts: 'strict' } });

  it('three rounds of 16 concurrent reads after warm-up all succeed, and then 10 sequential reads cost 10 requests', async () => {
    const atlas = fixture().client(flavor, 'digest');
    await atlas.getOrg();
    await fixture().clearRequests();
    for (let round = 0; round < 3; round++) expect(await reads(atlas, 16)).toHaveLength(16);
    const concurrent = await fixture().requests();
    expect(signedFailures(concurrent)).toEqual([]);
    // Only the first round asked for nonces: 15 of its requests found none idle.
    expect(concurrent.filter((r) => r.challenged)).toHaveLength(15);
    await fixture().clearRequests();
    for (let i = 0; i < 10; i++) await atlas.getOrg();
    expect((await fixture().requests()).map((r) => `${r.status} ${r.auth}`)).toEqual(Array.from({ length: 10 }, () => '200 digest'));
  });

  it('recovers after a restart forgot every nonce: one refused request, then one round trip again', async () => {
    const atlas = fixture().client(flavor, 'digest');
    await atlas.getOrg();
    await fixture().forgetNonces();
    await fixture().clearRequests();
    await atlas.getOrg();
    await atlas.getOrg();
    expect((await fixture().requests()).map((r) => `${r.status} ${r.auth}`)).toEqual(['401 digest', '200 digest', '200 digest']);
  });

  it('still gives up after one signed try when the key is wrong', async () => {
    const atlas = fixture().client(flavor, 'digest', { auth: { kind: 'digest', publicKey: fixture().consoleKey.publicKey, privateKey: '00000000-0000-0000-0000-000000000000' } });
    await fixture().clearRequests();
    await expect(atlas.getOrg()).rejects.toMatchObject({ kind: 'credential', status: 401 });
    expect((await fixture().requests()).map((r) => `${r.status} ${r.auth}`)).toEqual(['401 none', '401 digest']);
  });
});

describe('nonces retired after 3 uses (the fourth gets 401 stale=false)', () => {
  const fixture = withServer({ digest: { maxNonceUses: 3 } });

  it('8 sequential reads all succeed, each retired nonce costing one extra request', async () => {
    const atlas = fixture().client(flavor, 'digest');
    await fixture().clearRequests();
    for (let i = 0; i < 8; i++) await expect(atlas.getOrg()).resolves.toMatchObject({ id: fixture().orgId });
    const log = await fixture().requests();
    expect(log.map((r) => r.status)).toEqual([401, 200, 200, 200, 401, 200, 200, 200, 401, 200, 200]);
  });
});

describe('two nodes behind a load balancer (a nonce is valid only on the node that issued it)', () => {
  const fixture = withServer({ digest: { counts: 'strict' }, nodes: 2 });

  it('no read fails, sequential or concurrent, and both nodes answer', async () => {
    const atlas = fixture().client(flavor, 'digest');
    await fixture().clearRequests();
    for (let i = 0; i < 10; i++) await atlas.getOrg();
    for (let round = 0; round < 3; round++) expect(await reads(atlas, 16)).toHaveLength(16);
    const log = await fixture().requests();
    expect(signedFailures(log)).toEqual([]);
    expect(new Set(log.filter((r) => r.status === 200).map((r) => r.node))).toEqual(new Set([0, 1]));
  });
});
