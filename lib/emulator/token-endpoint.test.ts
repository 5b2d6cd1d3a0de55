// Service accounts: client-credentials tokens from POST /api/oauth/token, accepted as bearer tokens until they expire.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from './server';
import { emulatorControls } from './testing/control-client';
import { fixtureSeed, ids, serviceAccounts } from './testing/fixture-seed';
import { v2Accept } from './testing/surface-client';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: fixtureSeed(), tokenTtlSeconds: 600 });
});
afterAll(() => emulator.close());
afterEach(() => {
  vi.useRealTimers();
});

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function requestToken(authorization: string | undefined, body = 'grant_type=client_credentials', url = emulator.url) {
  const answer = await fetch(`${url}/api/oauth/token`, {
    method: 'POST',
    headers: { ...(authorization ? { authorization } : {}), 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  return { status: answer.status, headers: answer.headers, body: (await answer.json()) as Record<string, unknown> };
}

const listKeys = (token: string, url = emulator.url) =>
  fetch(`${url}/api/atlas/v2/groups/${ids.p1}/apiKeys`, { headers: { authorization: `Bearer ${token}`, accept: v2Accept } });

describe('POST /api/oauth/token', () => {
  it('issues a bearer token for a service account, accepted on every surface', async () => {
    const answer = await requestToken(basic(serviceAccounts.owner.clientId, serviceAccounts.owner.clientSecret));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({ access_token: expect.any(String), expires_in: 600, token_type: 'Bearer' });
    const token = answer.body.access_token as string;
    expect((await listKeys(token)).status).toBe(200);
    const v1 = await fetch(`${emulator.url}/api/public/v1.0/orgs/${ids.org}/apiKeys`, { headers: { authorization: `Bearer ${token}` } });
    expect(v1.status).toBe(200);
    const log = await emulatorControls(emulator.url).requests();
    expect(log.slice(-3).map((e) => e.auth)).toEqual(['basic', 'bearer', 'bearer']);
  });

  it('refuses a wrong secret, an unknown client and a missing Authorization with 401 invalid_client', async () => {
    for (const authorization of [
      basic(serviceAccounts.owner.clientId, 'wrong'),
      basic('mdb_sa_id_nobody', serviceAccounts.owner.clientSecret),
      undefined,
    ]) {
      const answer = await requestToken(authorization);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: 'invalid_client', error_description: expect.any(String) });
    }
  });

  it('refuses another grant type with 400 unsupported_grant_type', async () => {
    const answer = await requestToken(basic(serviceAccounts.owner.clientId, serviceAccounts.owner.clientSecret), 'grant_type=password');
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('unsupported_grant_type');
  });
});

describe('bearer tokens', () => {
  it('an unknown token is answered with the 401 challenge', async () => {
    const answer = await listKeys('not-a-token');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Digest /);
  });

  it('carry the service account roles through the permission table', async () => {
    const { body } = await requestToken(basic(serviceAccounts.reader.clientId, serviceAccounts.reader.clientSecret));
    const token = body.access_token as string;
    expect((await listKeys(token)).status).toBe(200);
    const create = await fetch(`${emulator.url}/api/atlas/v2/groups/${ids.p1}/apiKeys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, accept: v2Accept, 'content-type': v2Accept },
      body: JSON.stringify({ desc: 'not allowed', roles: ['GROUP_READ_ONLY'] }),
    });
    expect(create.status).toBe(401);
    expect(((await create.json()) as { errorCode: string }).errorCode).toBe('USER_UNAUTHORIZED');
  });

  it('are refused once tokenTtlSeconds have passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 0, 1) });
    const short = await startEmulator({ seed: fixtureSeed(), tokenTtlSeconds: 1 });
    try {
      const { body } = await requestToken(basic(serviceAccounts.owner.clientId, serviceAccounts.owner.clientSecret), undefined, short.url);
      expect(body.expires_in).toBe(1);
      const token = body.access_token as string;
      vi.setSystemTime(Date.UTC(2026, 0, 1) + 999);
      expect((await listKeys(token, short.url)).status).toBe(200);
      vi.setSystemTime(Date.UTC(2026, 0, 1) + 1000);
      expect((await listKeys(token, short.url)).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});
