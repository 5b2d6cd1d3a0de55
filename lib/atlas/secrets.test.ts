import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSeed } from '@/lib/emulator/seeds/generate';
import { createAtlasClient, type AtlasClient } from './client';
import { startEmulatorFixture, testFlavors, type EmulatorFixture } from './testing/emulator-fixture';

const seed = generateSeed({ keys: 40, projects: 4 });
const [busy] = seed.projects;
if (!busy) throw new Error('the generated seed has projects');
const wrongPrivateKey = '11111111-2222-4333-8444-555555555555';
const wrongSecret = 'mdb_sa_sk_wrong-but-still-secret';

let fixture: EmulatorFixture;
const output: string[] = [];
const restore: (() => void)[] = [];

beforeAll(async () => {
  fixture = await startEmulatorFixture(seed);
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void output.push(args.map((a) => inspect(a, { depth: 10 })).join(' ')));
    restore.push(() => spy.mockRestore());
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: never[]) => {
      output.push(String(chunk));
      return original(chunk as string, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = original));
  }
});
afterAll(async () => {
  for (const undo of restore) undo();
  await fixture.close();
});

/** Everything that could carry a secret out: the error's message, stack, JSON and inspection. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [String(e), e.message, String(e.stack), JSON.stringify(e), inspect(e, { depth: 10, showHidden: true })];
}

describe('secrets', () => {
  it('never appear in an error, an inspected client or console output', async () => {
    const secrets = [fixture.consoleKey.privateKey, fixture.serviceAccount.clientSecret, wrongPrivateKey, wrongSecret];
    const basic = Buffer.from(`${fixture.serviceAccount.clientId}:${fixture.serviceAccount.clientSecret}`).toString('base64');
    const errors: unknown[] = [];
    const clients: AtlasClient[] = [];
    const attempt = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        errors.push(error);
      }
    };

    for (const flavor of testFlavors) {
      const digest = fixture.client(flavor, 'digest', { timeoutMs: 200, retry: { maxAttempts: 2 } });
      const oauth = fixture.client(flavor, 'oauth', { timeoutMs: 200, retry: { maxAttempts: 2 } });
      const wrongKey = fixture.client(flavor, 'digest', { auth: { kind: 'digest', publicKey: fixture.consoleKey.publicKey, privateKey: wrongPrivateKey } });
      const wrongAccount = fixture.client(flavor, 'oauth', { auth: { kind: 'oauth', clientId: fixture.serviceAccount.clientId, clientSecret: wrongSecret } });
      clients.push(digest, oauth, wrongKey, wrongAccount);
      await attempt(() => wrongKey.getOrg());
      await attempt(() => wrongAccount.listOrgKeys());
      for (const atlas of [digest, oauth]) {
        // Successful calls first, so the failures below happen on warm clients too.
        await atlas.listProjectKeys(busy.id);
        await attempt(() => atlas.getProject('ffffffffffffffffffffffff'));
        await attempt(() => atlas.getOrgKey('not-an-id'));
        await fixture.fault({ path: '/orgs/', status: 500, times: 2 });
        await attempt(() => atlas.getOrg());
        await fixture.fault({ path: '/orgs/', drop: true, times: 2 });
        await attempt(() => atlas.listOrgUsers());
        await fixture.fault({ path: '/groups/', delayMs: 400, times: 1 });
        await attempt(() => atlas.createProjectKey(busy.id, { desc: 'slow', roles: ['GROUP_READ_ONLY'] }));
        await fixture.fault({ path: '/orgs/', status: 200, body: '{"id": 1', times: 1 });
        await attempt(() => atlas.getOrg());
        await fixture.fault({ path: '/orgs/', status: 200, body: '{"id":"zz","name":3}', times: 1 });
        await attempt(() => atlas.getOrg());
        await fixture.reset();
      }
    }
    await attempt(async () =>
      createAtlasClient({ baseUrl: 'https://example.com/api/unknown', orgId: fixture.orgId, auth: { kind: 'digest', publicKey: 'abcdefgh', privateKey: wrongPrivateKey } }),
    );
    await attempt(async () => createAtlasClient({ baseUrl: 'nonsense', orgId: fixture.orgId, auth: { kind: 'oauth', clientId: 'id', clientSecret: wrongSecret } }));

    // Per flavor: two refused credentials and seven failures for each of two clients; then two base URLs that are not an Admin API root.
    expect(errors).toHaveLength(4 * (2 + 2 * 7) + 2);
    const kinds = new Set(errors.map((e) => (e as { kind?: string }).kind ?? (e as Error).name));
    expect([...kinds].sort()).toEqual(['RangeError', 'TypeError', 'credential', 'invalid-response', 'network', 'timeout', 'upstream']);
    // The capture itself works.
    console.warn('capture check');
    expect(output.some((line) => line.includes('capture check'))).toBe(true);
    const texts = [...errors.flatMap(renderings), ...clients.map((c) => inspect(c, { depth: 10, showHidden: true })), ...output];
    for (const text of texts) {
      for (const secret of [...secrets, basic]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/authorization|Digest username|Bearer |Basic [A-Za-z0-9+/]/i);
    }
  });
});
