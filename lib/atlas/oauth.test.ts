import { inspect } from 'node:util';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RawResponse } from './http';
import { ServiceAccountAuthenticator } from './oauth';
import { startLocalServer, type LocalServer } from './testing/local-server';

const clientId = 'mdb_sa_id_0123456789abcdef';
const clientSecret = 'mdb_sa_sk_super/secret+value';

describe('ServiceAccountAuthenticator over real HTTP', () => {
  let server: LocalServer;
  let agent: Agent;
  let tokenRequests: { authorization?: string; contentType?: string; body: string }[] = [];
  let expiresIn = 3600;
  let answer: { status: number; body: string } | undefined;

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        tokenRequests.push({ authorization: req.headers.authorization, contentType: req.headers['content-type'], body });
        // Answer late, so concurrent callers overlap with the request in flight.
        setTimeout(() => {
          res.writeHead(answer?.status ?? 200, { 'content-type': 'application/json' });
          res.end(answer?.body ?? JSON.stringify({ access_token: `token-${tokenRequests.length}`, expires_in: expiresIn, token_type: 'Bearer' }));
        }, 20);
      });
    });
    agent = new Agent();
  });
  afterAll(async () => {
    await agent.close();
    await server.close();
  });
  beforeEach(() => {
    tokenRequests = [];
    expiresIn = 3600;
    answer = undefined;
  });

  const authenticator = (now?: () => number) =>
    new ServiceAccountAuthenticator({ tokenUrl: new URL(`${server.url}/api/oauth/token`), clientId, clientSecret, dispatcher: agent, timeoutMs: 2000, now });

  it('asks with HTTP Basic and a client_credentials form', async () => {
    expect(await authenticator().token()).toBe('token-1');
    const [request] = tokenRequests;
    expect(request?.body).toBe('grant_type=client_credentials');
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    const basic = Buffer.from(request?.authorization?.replace(/^Basic /, '') ?? '', 'base64').toString();
    expect(basic).toBe(`${clientId}:${encodeURIComponent(clientSecret)}`);
  });

  it('fetches one token for many concurrent cold callers and reuses it', async () => {
    const auth = authenticator();
    const tokens = await Promise.all(Array.from({ length: 25 }, () => auth.token()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    await auth.token();
    expect(tokenRequests).toHaveLength(1);
  });

  it('renews 60 s before expiry (half the life of a short-lived token)', async () => {
    let clock = 1_000_000;
    const auth = authenticator(() => clock);
    await auth.token();
    clock += 3_539_000;
    expect(await auth.token()).toBe('token-1');
    clock += 2_000;
    expect(await auth.token()).toBe('token-2');

    expiresIn = 10;
    const short = authenticator(() => clock);
    await short.token();
    clock += 4_999;
    await short.token();
    expect(tokenRequests).toHaveLength(3);
    clock += 2;
    await short.token();
    expect(tokenRequests).toHaveLength(4);
  });

  it('refreshes once on a 401, then lets the 401 stand', async () => {
    const auth = authenticator();
    const seen: (string | undefined)[] = [];
    const unauthorized = async (authorization: string | undefined): Promise<RawResponse> => {
      seen.push(authorization);
      return { status: 401, headers: {}, text: '{"error":401,"errorCode":"USER_UNAUTHORIZED"}' };
    };
    expect((await auth.send('GET', '/x', unauthorized)).status).toBe(401);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(tokenRequests).toHaveLength(2);
  });

  it('answers many concurrent 401s on the cached token with one fresh token and one retry each', async () => {
    const auth = authenticator();
    await auth.token();
    const seen: (string | undefined)[] = [];
    const revokedFirst = async (authorization: string | undefined): Promise<RawResponse> => {
      seen.push(authorization);
      // Answer late, so every request meets the 401 while the refresh is in flight.
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { status: authorization === 'Bearer token-1' ? 401 : 200, headers: {}, text: '' };
    };
    const answers = await Promise.all(Array.from({ length: 12 }, () => auth.send('GET', '/x', revokedFirst)));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 12 }, () => 200));
    expect(tokenRequests).toHaveLength(2);
    expect(seen.filter((a) => a === 'Bearer token-1')).toHaveLength(12);
    expect(seen.filter((a) => a === 'Bearer token-2')).toHaveLength(12);
  });

  it('does not drop a newer token when an old one meets a 401', async () => {
    const auth = authenticator();
    let first = true;
    const flaky = async (): Promise<RawResponse> => {
      const status = first ? 401 : 200;
      first = false;
      return { status, headers: {}, text: '' };
    };
    await Promise.all([auth.send('GET', '/a', flaky), auth.send('GET', '/b', async () => ({ status: 200, headers: {}, text: '' }))]);
    expect(tokenRequests).toHaveLength(2);
    await auth.send('GET', '/c', async () => ({ status: 200, headers: {}, text: '' }));
    expect(tokenRequests).toHaveLength(2);
  });

  it('reports a refused service account as a credential error without its secret, and does not cache the failure', async () => {
    answer = { status: 400, body: '{"error":"invalid_client"}' };
    const auth = authenticator();
    const error = await auth.token().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'credential', status: 400, errorCode: 'BAD_REQUEST' });
    expect((error as Error).message).toContain("rejected the console's service account");
    for (const text of [inspect(error, { depth: 5 }), JSON.stringify(error), String((error as Error).stack), inspect(auth, { showHidden: true })]) {
      expect(text).not.toContain(clientSecret);
      expect(text).not.toContain(Buffer.from(`${clientId}:${encodeURIComponent(clientSecret)}`).toString('base64'));
    }
    answer = undefined;
    expect(await auth.token()).toBe('token-2');
  });

  it('refuses a token answer of the wrong shape', async () => {
    answer = { status: 200, body: '{"access_token":"","token_type":"Bearer"}' };
    await expect(authenticator().token()).rejects.toMatchObject({ kind: 'invalid-response' });
  });
});
