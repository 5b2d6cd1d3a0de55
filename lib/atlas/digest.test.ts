import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DigestAuthenticator, digestAuthorization, digestResponse, parseDigestChallenge } from './digest';
import type { RawResponse } from './exchange';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('digestResponse', () => {
  it('matches the RFC 2617 §3.5 example', () => {
    expect(
      digestResponse({
        username: 'Mufasa',
        password: 'Circle Of Life',
        realm: 'testrealm@host.com',
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        method: 'GET',
        uri: '/dir/index.html',
        nc: '00000001',
        cnonce: '0a4f113b',
      }),
    ).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('matches the RFC 7616 §3.9.1 MD5 example', () => {
    expect(
      digestResponse({
        username: 'Mufasa',
        password: 'Circle of Life',
        realm: 'http-auth@example.org',
        nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
        method: 'GET',
        uri: '/dir/index.html',
        nc: '00000001',
        cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
      }),
    ).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });
});

describe('digestAuthorization', () => {
  it('writes every field the server needs, quoting and escaping where RFC 2617 asks', () => {
    const header = digestAuthorization(
      {
        username: 'Mufasa',
        password: 'Circle Of Life',
        realm: 'testrealm@host.com',
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        method: 'GET',
        uri: '/dir/index.html?q="x"',
        nc: '00000001',
        cnonce: '0a4f113b',
      },
      '5ccc069c403ebaf9f0171e9517f40e41',
    );
    expect(header).toMatch(/^Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", /);
    expect(header).toContain('uri="/dir/index.html?q=\\"x\\""');
    expect(header).toContain('qop=auth, nc=00000001, cnonce="0a4f113b"');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    expect(header).not.toContain('Circle');
  });
});

describe('parseDigestChallenge', () => {
  it("reads the Admin API's documented challenge", () => {
    expect(
      parseDigestChallenge('Digest realm="MMS Public API", domain="", nonce="abc/DEF+123=", algorithm=MD5, qop="auth", stale=false'),
    ).toEqual({ realm: 'MMS Public API', nonce: 'abc/DEF+123=', opaque: undefined, stale: false });
  });

  it('reads stale=true, escaped quotes, commas inside quotes and the Digest header among several', () => {
    expect(
      parseDigestChallenge(['Basic realm="x"', 'DIGEST realm="a, \\"b\\"", nonce="n1", qop="auth,auth-int", opaque="o", stale=TRUE']),
    ).toEqual({ realm: 'a, "b"', nonce: 'n1', opaque: 'o', stale: true });
  });

  it('refuses what it cannot answer', () => {
    expect(parseDigestChallenge(undefined)).toBeUndefined();
    expect(parseDigestChallenge('Basic realm="x"')).toBeUndefined();
    expect(parseDigestChallenge('Digest realm="r", nonce="n", qop="auth-int"')).toBeUndefined();
    expect(parseDigestChallenge('Digest realm="r", nonce="n"')).toBeUndefined();
    expect(parseDigestChallenge('Digest realm="r", nonce="n", qop="auth", algorithm=SHA-256')).toBeUndefined();
    expect(parseDigestChallenge('Digest realm="r", qop="auth"')).toBeUndefined();
  });
});

/**
 * A Digest server in a function: issues nonces, expires them on demand, checks every response independently and,
 * like the emulator, takes a count that does not grow as a stale nonce. `delays` shuffles arrival order.
 */
function digestServer(password = 'secret-private-key', delays: () => number = () => 0) {
  const log: { authorization: string | undefined; status: number }[] = [];
  let nonce = 0;
  const live = new Set<string>();
  const lastCount = new Map<string, number>();
  const challenge = (stale: boolean): RawResponse => {
    const fresh = `nonce-${++nonce}`;
    live.add(fresh);
    return {
      status: 401,
      headers: { 'www-authenticate': `Digest realm="MMS Public API", domain="", nonce="${fresh}", algorithm=MD5, qop="auth", stale=${stale}` },
      text: '{"error":401}',
    };
  };
  const handle = (method: string, uri: string, authorization: string | undefined): RawResponse => {
    if (!authorization) return challenge(false);
    const field = (name: string) => new RegExp(`${name}="?([^",]*)"?`).exec(authorization)?.[1] ?? '';
    const ha1 = md5(`${field('username')}:MMS Public API:${password}`);
    const expected = md5(`${ha1}:${field('nonce')}:${field('nc')}:${field('cnonce')}:auth:${md5(`${method}:${field('uri')}`)}`);
    if (field('uri') !== uri || field('response') !== expected) return challenge(false);
    if (!live.has(field('nonce'))) return challenge(true);
    if (!/^[0-9a-f]{8}$/.test(field('nc'))) return challenge(false);
    const count = Number.parseInt(field('nc'), 16);
    if (count <= (lastCount.get(field('nonce')) ?? 0)) return challenge(true);
    lastCount.set(field('nonce'), count);
    return { status: 200, headers: {}, text: '{}' };
  };
  return {
    log,
    expireNonces: () => live.clear(),
    attempt: (method: string, uri: string) => async (authorization: string | undefined) => {
      await new Promise((resolve) => setTimeout(resolve, delays()));
      const answer = handle(method, uri, authorization);
      log.push({ authorization, status: answer.status });
      return answer;
    },
  };
}

describe('DigestAuthenticator', () => {
  it('answers the first challenge, then signs every later request in one round trip with a growing nc', async () => {
    const server = digestServer();
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    expect((await auth.send('GET', '/api/x?pageNum=1', server.attempt('GET', '/api/x?pageNum=1'))).status).toBe(200);
    expect(server.log.map((r) => r.status)).toEqual([401, 200]);
    server.log.length = 0;
    for (const uri of ['/api/a', '/api/b?c=d']) {
      expect((await auth.send('POST', uri, server.attempt('POST', uri))).status).toBe(200);
    }
    expect(server.log.map((r) => r.status)).toEqual([200, 200]);
    expect(server.log.map((r) => /nc=(\w+)/.exec(r.authorization ?? '')?.[1])).toEqual(['00000002', '00000003']);
    const cnonces = server.log.map((r) => /cnonce="(\w+)"/.exec(r.authorization ?? '')?.[1]);
    expect(new Set(cnonces).size).toBe(2);
  });

  it('lets concurrent cold requests share one challenge and distinct nonce counts', async () => {
    const server = digestServer();
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => auth.send('GET', `/r/${i}`, server.attempt('GET', `/r/${i}`))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(server.log.filter((r) => r.authorization === undefined)).toHaveLength(1);
    expect(server.log).toHaveLength(21);
  });

  it('costs exactly one extra round trip when the nonce has gone stale, even for many requests at once', async () => {
    const server = digestServer();
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    await auth.send('GET', '/warm', server.attempt('GET', '/warm'));
    server.expireNonces();
    server.log.length = 0;
    expect((await auth.send('GET', '/after', server.attempt('GET', '/after'))).status).toBe(200);
    expect(server.log.map((r) => r.status)).toEqual([401, 200]);

    server.expireNonces();
    server.log.length = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => auth.send('GET', `/p/${i}`, server.attempt('GET', `/p/${i}`))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(server.log.filter((r) => r.status === 401)).toHaveLength(5);
    expect(server.log).toHaveLength(10);
  });

  it('survives counts overtaken by concurrent requests: at most one extra round trip each, never a failure', async () => {
    let turn = 0;
    const server = digestServer('secret-private-key', () => [7, 0, 3, 1, 5][turn++ % 5] ?? 0);
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    await auth.send('GET', '/warm', server.attempt('GET', '/warm'));
    server.log.length = 0;
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => auth.send('GET', `/c/${i}`, server.attempt('GET', `/c/${i}`))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const overtaken = server.log.filter((r) => r.status === 401).length;
    expect(overtaken).toBeGreaterThan(0);
    expect(server.log).toHaveLength(30 + overtaken);
  });

  it('never loops on 401: a wrong private key costs the challenge and one signed try', async () => {
    const server = digestServer('the-real-key');
    const auth = new DigestAuthenticator('abcdefgh', 'a-wrong-key');
    expect((await auth.send('GET', '/x', server.attempt('GET', '/x'))).status).toBe(401);
    expect(server.log).toHaveLength(2);
  });

  it('takes a 401 without stale=true to a signed request as final', async () => {
    const server = digestServer();
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    await auth.send('GET', '/warm', server.attempt('GET', '/warm'));
    server.log.length = 0;
    const forbidden = async (): Promise<RawResponse> => ({ status: 401, headers: {}, text: '{"errorCode":"NOT_IN_GROUP"}' });
    expect((await auth.send('GET', '/x', forbidden)).status).toBe(401);
    let calls = 0;
    const rechallenging = async (): Promise<RawResponse> => {
      calls += 1;
      return { status: 401, headers: { 'www-authenticate': 'Digest realm="r", nonce="other", qop="auth", stale=false' }, text: '' };
    };
    expect((await auth.send('GET', '/y', rechallenging)).status).toBe(401);
    expect(calls).toBe(1);
  });

  it('passes on an answer to an unauthenticated request that is not a challenge, and lets a failed probe go', async () => {
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    const open = async (): Promise<RawResponse> => ({ status: 200, headers: {}, text: '{}' });
    expect((await auth.send('GET', '/open', open)).status).toBe(200);
    await expect(auth.send('GET', '/x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    const server = digestServer();
    expect((await auth.send('GET', '/z', server.attempt('GET', '/z'))).status).toBe(200);
  });

  it('keeps the private key out of inspection and JSON', async () => {
    const { inspect } = await import('node:util');
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    expect(inspect(auth, { depth: 5, showHidden: true })).not.toContain('secret-private-key');
    expect(JSON.stringify(auth)).not.toContain('secret-private-key');
  });
});
