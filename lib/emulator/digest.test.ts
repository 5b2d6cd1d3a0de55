// HTTP Digest as the upstream does it: the challenge, one round trip with a reused nonce, expiry, replays and wrong secrets.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from './server';
import { emulatorControls } from './testing/control-client';
import { DigestClient, digestAuthorization, parseChallenge, type Challenge } from './testing/digest-fetch';
import { credentials, fixtureSeed, ids } from './testing/fixture-seed';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: fixtureSeed() });
});
afterAll(() => emulator.close());
afterEach(() => {
  vi.useRealTimers();
});

const challengeHeader = /^Digest realm="MMS Public API", domain="", nonce="[A-Za-z0-9+/=]{16,}", algorithm=MD5, qop="auth", stale=(true|false)$/;
const listPath = `/api/public/v1.0/groups/${ids.p1}/apiKeys`;

async function challenge(url = emulator.url): Promise<Challenge> {
  const answer = await fetch(`${url}${listPath}`);
  await answer.arrayBuffer();
  const parsed = parseChallenge(answer.headers.get('www-authenticate'));
  if (!parsed) throw new Error('no challenge');
  return parsed;
}

async function send(path: string, authorization: string, init: RequestInit = {}, url = emulator.url) {
  const answer = await fetch(`${url}${path}`, { ...init, headers: { authorization, 'content-type': 'application/json' } });
  await answer.arrayBuffer();
  return { status: answer.status, challenge: parseChallenge(answer.headers.get('www-authenticate')) };
}

const requestLog = () => emulatorControls(emulator.url).requests();

describe('the challenge', () => {
  it('is the documented 401: WWW-Authenticate Digest … stale=false and a JSON body in ISO-8859-1', async () => {
    const answer = await fetch(`${emulator.url}${listPath}`);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(challengeHeader);
    expect(answer.headers.get('www-authenticate')).toMatch(/stale=false$/);
    expect(answer.headers.get('content-type')).toBe('application/json;charset=ISO-8859-1');
    expect(await answer.json()).toEqual({
      detail: 'You are not authorized for this resource.',
      error: 401,
      errorCode: 'USER_UNAUTHORIZED',
      parameters: [],
      reason: 'Unauthorized',
    });
  });

  it('comes with a fresh nonce every time', async () => {
    const [a, b] = await Promise.all([challenge(), challenge()]);
    expect(a.nonce).not.toBe(b.nonce);
  });
});

describe('signed requests', () => {
  it('a client that reuses the nonce with a growing nc needs one round trip per request', async () => {
    await emulatorControls(emulator.url).clearRequests();
    const client = new DigestClient(credentials.console);
    for (let i = 0; i < 5; i++) expect((await client.fetch(`${emulator.url}${listPath}`)).status).toBe(200);
    const log = await requestLog();
    expect(log.map((e) => [e.status, e.auth, e.challenged])).toEqual([
      [401, 'none', true],
      ...Array.from({ length: 5 }, () => [200, 'digest', false]),
    ]);
  });

  it('a wrong secret or an unknown public key is refused with stale=false', async () => {
    const wrongSecret = new DigestClient({ ...credentials.console, privateKey: credentials.member.privateKey });
    const unknownUser = new DigestClient({ publicKey: 'nobodyxx', privateKey: credentials.console.privateKey });
    for (const client of [wrongSecret, unknownUser]) {
      const answer = await client.fetch(`${emulator.url}${listPath}`);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/stale=false$/);
    }
  });

  it('a replayed nc is refused (stale=true, so an honest client re-signs) and the replayed change is not made', async () => {
    const nonce = await challenge();
    const path = `/api/public/v1.0/groups/${ids.p1}/apiKeys`;
    const authorization = digestAuthorization(credentials.console, nonce, 'POST', path, 1);
    const body = JSON.stringify({ desc: 'replay me', roles: ['GROUP_READ_ONLY'] });
    expect((await send(path, authorization, { method: 'POST', body })).status).toBe(200);
    const replay = await send(path, authorization, { method: 'POST', body });
    expect(replay.status).toBe(401);
    expect(replay.challenge?.stale).toBe(true);
    expect(emulator.snapshot().apiKeys.filter((k) => k.desc === 'replay me')).toHaveLength(1);
  });

  it('an nc arriving out of order is accepted once, a reused one never, one far below the highest never', async () => {
    const nonce = await challenge();
    expect((await send(listPath, digestAuthorization(credentials.console, nonce, 'GET', listPath, 5))).status).toBe(200);
    expect((await send(listPath, digestAuthorization(credentials.console, nonce, 'GET', listPath, 3))).status).toBe(200);
    expect((await send(listPath, digestAuthorization(credentials.console, nonce, 'GET', listPath, 3))).status).toBe(401);
    expect((await send(listPath, digestAuthorization(credentials.console, nonce, 'GET', listPath, 5))).status).toBe(401);
    expect((await send(listPath, digestAuthorization(credentials.console, nonce, 'GET', listPath, 2000))).status).toBe(200);
    expect((await send(listPath, digestAuthorization(credentials.console, nonce, 'GET', listPath, 4))).status).toBe(401);
  });

  it('a signature over another uri, a made-up nonce or a malformed header is refused', async () => {
    const nonce = await challenge();
    const elsewhere = digestAuthorization(credentials.console, nonce, 'GET', `/api/public/v1.0/groups/${ids.p2}/apiKeys`, 1);
    expect(await send(listPath, elsewhere)).toMatchObject({ status: 401, challenge: { stale: false } });
    const madeUp = digestAuthorization(credentials.console, { ...nonce, nonce: 'bWFkZSB1cCBub25jZSB2YWx1ZQ==' }, 'GET', listPath, 1);
    expect(await send(listPath, madeUp)).toMatchObject({ status: 401, challenge: { stale: true } });
    const noQop = digestAuthorization(credentials.console, nonce, 'GET', listPath, 2).replace('qop=auth, ', '');
    expect(await send(listPath, noQop)).toMatchObject({ status: 401, challenge: { stale: false } });
    expect(await send(listPath, 'Digest')).toMatchObject({ status: 401, challenge: { stale: false } });
  });
});

describe('nonce expiry', () => {
  it('answers stale=true with a fresh nonce once the nonce is older than nonceTtlMs, and the client gets through', async () => {
    // Only Date is faked: the emulator's clock stands still until the test moves it, so no sleep decides the outcome.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 0, 1) });
    const short = await startEmulator({ seed: fixtureSeed(), nonceTtlMs: 50 });
    try {
      const nonce = await challenge(short.url);
      expect((await send(listPath, digestAuthorization(credentials.console, nonce, 'GET', listPath, 1), {}, short.url)).status).toBe(200);
      vi.setSystemTime(Date.UTC(2026, 0, 1) + 51);
      const expired = await send(listPath, digestAuthorization(credentials.console, nonce, 'GET', listPath, 2), {}, short.url);
      expect(expired.status).toBe(401);
      expect(expired.challenge?.stale).toBe(true);
      expect(expired.challenge?.nonce).not.toBe(nonce.nonce);
      const renewed = await send(listPath, digestAuthorization(credentials.console, expired.challenge!, 'GET', listPath, 1), {}, short.url);
      expect(renewed.status).toBe(200);
    } finally {
      await short.close();
    }
  });
});

describe('strict modes', () => {
  const strictEmulator = (options: Parameters<typeof startEmulator>[0]['digest'], nodes?: number) =>
    startEmulator({ seed: fixtureSeed(), digest: options, nodes });
  const sign = (nonce: Challenge, nc: number) => digestAuthorization(credentials.console, nonce, 'GET', listPath, nc);

  it('refuses a count not above the highest seen for its nonce with stale=false, as Apache with AuthDigestNcCheck On', async () => {
    const strict = await strictEmulator({ counts: 'strict' });
    try {
      const nonce = await challenge(strict.url);
      expect((await send(listPath, sign(nonce, 2), {}, strict.url)).status).toBe(200);
      for (const nc of [1, 2]) expect(await send(listPath, sign(nonce, nc), {}, strict.url)).toMatchObject({ status: 401, challenge: { stale: false } });
      expect((await send(listPath, sign(nonce, 3), {}, strict.url)).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('retires a nonce after maxNonceUses accepted requests and refuses it then with stale=false', async () => {
    const retiring = await strictEmulator({ maxNonceUses: 3 });
    try {
      const nonce = await challenge(retiring.url);
      for (const nc of [1, 2, 3]) expect((await send(listPath, sign(nonce, nc), {}, retiring.url)).status).toBe(200);
      expect(await send(listPath, sign(nonce, 4), {}, retiring.url)).toMatchObject({ status: 401, challenge: { stale: false } });
    } finally {
      await retiring.close();
    }
  });

  it('forgets every nonce when told to, as a restarted server: strict answers stale=false, forgiving stale=true', async () => {
    const strict = await strictEmulator({ counts: 'strict' });
    try {
      for (const [url, stale] of [
        [strict.url, false],
        [emulator.url, true],
      ] as const) {
        const nonce = await challenge(url);
        expect((await send(listPath, sign(nonce, 1), {}, url)).status).toBe(200);
        await emulatorControls(url).forgetNonces();
        expect(await send(listPath, sign(nonce, 2), {}, url)).toMatchObject({ status: 401, challenge: { stale } });
      }
    } finally {
      await strict.close();
    }
  });

  it('with several nodes, pins each connection to one node, new connections in turn, and a nonce is valid only on its node', async () => {
    const { Client } = await import('undici');
    const twoNodes = await strictEmulator({ counts: 'strict' }, 2);
    const [first, second] = [new Client(twoNodes.url), new Client(twoNodes.url)];
    const on = async (connection: InstanceType<typeof Client>, authorization?: string) => {
      const answer = await connection.request({ method: 'GET', path: listPath, headers: authorization ? { authorization } : {} });
      await answer.body.text();
      return { status: answer.statusCode, challenge: parseChallenge([answer.headers['www-authenticate'] ?? ''].flat()[0] ?? null) };
    };
    try {
      const fromFirst = (await on(first)).challenge;
      expect(fromFirst).toBeDefined();
      expect((await on(first, sign(fromFirst!, 1))).status).toBe(200);
      expect(await on(second, sign(fromFirst!, 2))).toMatchObject({ status: 401, challenge: { stale: false } });
      expect((await on(first, sign(fromFirst!, 3))).status).toBe(200);
      const log = await emulatorControls(twoNodes.url).requests();
      expect(log.map((r) => r.node)).toEqual([0, 0, 1, 0]);
    } finally {
      await Promise.all([first.close(), second.close()]);
      await twoNodes.close();
    }
  });
});
