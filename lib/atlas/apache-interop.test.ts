// The Digest client against Apache httpd's mod_auth_digest with AuthDigestNcCheck On: a strict server nobody here wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, Client } from 'undici';
import { createAtlasClient, type AtlasClient } from './client';
import { apacheMissing, startApache, type RunningApache } from './testing/apache';

const orgId = '0123456789abcdef01234567';
const key = { publicKey: 'abcdefgh', privateKey: '4bd8a5b6-3c1f-4e8e-9d0a-2f6c7b1e5a90' };
const missing = apacheMissing();

if (missing && process.env.CI) {
  it('runs on CI, where .ci/run installs apache2', () => {
    throw new Error(`the Apache interoperability test cannot run: ${missing}`);
  });
} else if (missing) {
  console.info(`Apache interoperability test skipped: ${missing}`);
}

describe.skipIf(missing !== undefined)(`Apache httpd mod_auth_digest, AuthDigestNcCheck On${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let apache: RunningApache;
  const agent = new Agent();
  const connections: Client[] = [];
  const client = (): AtlasClient =>
    createAtlasClient({
      baseUrl: `${apache.url}/api/atlas/v2`,
      orgId,
      auth: { kind: 'digest', ...key },
      dispatcher: agent,
      connection: () => {
        const connection = new Client(apache.url);
        connections.push(connection);
        return connection;
      },
    });
  const read = async (atlas: AtlasClient) => (await atlas.getOrg()).id;
  const answered = (lines: string[]) => lines.filter((line) => line.endsWith(' 200')).length;

  beforeAll(async () => {
    apache = await startApache({
      username: key.publicKey,
      password: key.privateKey,
      files: { [`api/atlas/v2/orgs/${orgId}`]: JSON.stringify({ id: orgId, name: 'Interop' }) },
    });
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await agent.close();
    await apache?.close();
  });

  it('three rounds of 16 concurrent reads after warm-up: every read succeeds', async () => {
    const atlas = client();
    await read(atlas);
    const before = (await apache.accessLog((lines) => answered(lines) >= 1)).length;
    for (let round = 0; round < 3; round++) {
      const outcomes = await Promise.allSettled(Array.from({ length: 16 }, () => read(atlas)));
      expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : String(o.reason)))).toEqual(Array.from({ length: 16 }, () => orgId));
    }
    const requests = (await apache.accessLog((lines) => answered(lines.slice(before)) >= 48)).slice(before);
    // The first round's 15 requests that found no idle nonce asked for one; no signed request was refused.
    expect(requests.filter((line) => line.endsWith(' 401')).length).toBeLessThanOrEqual(15);
    expect(requests.length).toBeLessThanOrEqual(48 + 15);
  });

  it('10 sequential reads cost at most 12 requests, counted in the access log', async () => {
    const atlas = client();
    const before = (await apache.accessLog()).length;
    for (let i = 0; i < 10; i++) expect(await read(atlas)).toBe(orgId);
    const requests = (await apache.accessLog((lines) => answered(lines.slice(before)) >= 10)).slice(before);
    expect(requests.length).toBeLessThanOrEqual(12);
    expect(answered(requests)).toBe(10);
  });
});
