import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DigestAuthenticator, digestAuthorization, digestResponse, parseDigestChallenge } from './digest';
import type { RawResponse } from './http';

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

interface ServerOptions {
  password?: string;
  /** Shuffles arrival order. */
  delays?: () => number;
  /** Retire each nonce after this many accepted uses; its next use is refused with stale=false. */
  maxUses?: number;
}

/**
 * A strict Digest server in a function, as Apache's mod_auth_digest with AuthDigestNcCheck On: a count not above the
 * highest seen for its nonce is refused with stale=false; an expired nonce gets stale=true, an unknown one stale=false.
 */
function digestServer({ password = 'secret-private-key', delays = () => 0, maxUses = Infinity }: ServerOptions = {}) {
  const log: { authorization: string | undefined; status: number; inFlight: number }[] = [];
  let nonce = 0;
  let inFlight = 0;
  const live = new Map<string, { highest: number; uses: number }>();
  const expired = new Set<string>();
  const challenge = (stale: boolean): RawResponse => {
    const fresh = `nonce-${++nonce}`;
    live.set(fresh, { highest: 0, uses: 0 });
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
    if (expired.has(field('nonce'))) return challenge(true);
    const record = live.get(field('nonce'));
    if (!record) return challenge(false);
    const count = Number.parseInt(field('nc'), 16);
    if (!/^[0-9a-f]{8}$/.test(field('nc')) || count <= record.highest) return challenge(false);
    record.highest = count;
    record.uses += 1;
    if (record.uses >= maxUses) live.delete(field('nonce'));
    return { status: 200, headers: {}, text: '{}' };
  };
  return {
    log,
    nonces: () => nonce,
    expireNonces: () => {
      for (const old of live.keys()) expired.add(old);
      live.clear();
    },
    attempt: (method: string, uri: string) => async (authorization: string | undefined) => {
      inFlight += 1;
      await new Promise((resolve) => setTimeout(resolve, delays()));
      const answer = handle(method, uri, authorization);
      log.push({ authorization, status: answer.status, inFlight });
      inFlight -= 1;
      return answer;
    },
  };
}

const nonceOf = (authorization: string | undefined) => /nonce="([^"]*)"/.exec(authorization ?? '')?.[1];
const ncOf = (authorization: string | undefined) => /nc=(\w+)/.exec(authorization ?? '')?.[1];

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
    expect(server.log.map((r) => ncOf(r.authorization))).toEqual(['00000002', '00000003']);
    const cnonces = server.log.map((r) => /cnonce="(\w+)"/.exec(r.authorization ?? '')?.[1]);
    expect(new Set(cnonces).size).toBe(2);
  });

  it('signs every request with a client nonce of its own, past the batch of random bytes they are cut from', async () => {
    const server = digestServer();
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    for (let i = 0; i < 600; i++) await auth.send('GET', `/n/${i}`, server.attempt('GET', `/n/${i}`));
    const cnonces = server.log.flatMap((r) => /cnonce="(\w+)"/.exec(r.authorization ?? '')?.[1] ?? []);
    expect(cnonces).toHaveLength(600);
    expect(cnonces.every((c) => /^[0-9a-f]{16}$/.test(c))).toBe(true);
    expect(new Set(cnonces).size).toBe(600);
  });

  it('gives each of N concurrent cold requests its own nonce, once: N challenges, then none', async () => {
    const server = digestServer();
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    const round = (tag: string) => Promise.all(Array.from({ length: 20 }, (_, i) => auth.send('GET', `/${tag}/${i}`, server.attempt('GET', `/${tag}/${i}`))));
    expect((await round('a')).every((a) => a.status === 200)).toBe(true);
    expect(server.log.filter((r) => r.authorization === undefined)).toHaveLength(20);
    expect(server.log).toHaveLength(40);
    server.log.length = 0;
    expect((await round('b')).every((a) => a.status === 200)).toBe(true);
    expect(server.log.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
  });

  it('keeps counts in order on a strict server however answers are shuffled: three rounds of 16 concurrent requests all succeed', async () => {
    let turn = 0;
    const server = digestServer({ delays: () => [7, 0, 3, 1, 5][turn++ % 5] ?? 0 });
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    await auth.send('GET', '/warm', server.attempt('GET', '/warm'));
    server.log.length = 0;
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => auth.send('GET', `/c/${i}`, server.attempt('GET', `/c/${i}`))));
      expect(answers.every((a) => a.status === 200)).toBe(true);
    }
    // 15 requests found no idle nonce in the first round and asked for one; none was ever refused.
    expect(server.log.filter((r) => r.status === 401 && r.authorization !== undefined)).toHaveLength(0);
    expect(server.log.filter((r) => r.status === 401)).toHaveLength(15);
    expect(server.log).toHaveLength(48 + 15);
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

  it('recovers from a nonce refused with stale=false and never sends a refused nonce again', async () => {
    const server = digestServer({ maxUses: 3 });
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    for (let i = 0; i < 8; i++) expect((await auth.send('GET', `/s/${i}`, server.attempt('GET', `/s/${i}`))).status).toBe(200);
    // The probe, then three uses of each nonce; the fourth use of each is refused and re-signed with the fresh one.
    expect(server.log.map((r) => r.status)).toEqual([401, 200, 200, 200, 401, 200, 200, 200, 401, 200, 200]);
    const refused = server.log.filter((r) => r.status === 401 && r.authorization).map((r) => nonceOf(r.authorization));
    const after = (nonce: string | undefined) => server.log.slice(server.log.findIndex((r) => r.status === 401 && nonceOf(r.authorization) === nonce) + 1);
    for (const nonce of refused) expect(after(nonce).some((r) => nonceOf(r.authorization) === nonce)).toBe(false);
  });

  it('never loops on 401: a wrong private key costs the challenge and one signed try, each time', async () => {
    const server = digestServer({ password: 'the-real-key' });
    const auth = new DigestAuthenticator('abcdefgh', 'a-wrong-key');
    expect((await auth.send('GET', '/x', server.attempt('GET', '/x'))).status).toBe(401);
    expect(server.log.map((r) => Boolean(r.authorization))).toEqual([false, true]);
    expect((await auth.send('GET', '/y', server.attempt('GET', '/y'))).status).toBe(401);
    expect(server.log.map((r) => Boolean(r.authorization))).toEqual([false, true, false, true]);
  });

  it('retries a signed request refused with a challenge once, then takes the second refusal as final', async () => {
    const server = digestServer();
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    await auth.send('GET', '/warm', server.attempt('GET', '/warm'));
    const sent: (string | undefined)[] = [];
    const rechallenging = async (authorization: string | undefined): Promise<RawResponse> => {
      sent.push(authorization);
      return { status: 401, headers: { 'www-authenticate': `Digest realm="r", nonce="other-${sent.length}", qop="auth", stale=false` }, text: '' };
    };
    expect((await auth.send('GET', '/y', rechallenging)).status).toBe(401);
    expect(sent.map(nonceOf)).toEqual(['nonce-1', 'other-1']);
    server.log.length = 0;
    expect((await auth.send('GET', '/z', server.attempt('GET', '/z'))).status).toBe(200);
    expect(server.log.map((r) => [Boolean(r.authorization), r.status])).toEqual([
      [false, 401],
      [true, 200],
    ]);
  });

  it('takes a 401 without a challenge (authenticated, not authorized) as final and keeps its nonce', async () => {
    const server = digestServer();
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    await auth.send('GET', '/warm', server.attempt('GET', '/warm'));
    let calls = 0;
    const forbidden = async (): Promise<RawResponse> => {
      calls += 1;
      return { status: 401, headers: {}, text: '{"errorCode":"NOT_IN_GROUP"}' };
    };
    expect((await auth.send('GET', '/x', forbidden)).status).toBe(401);
    expect(calls).toBe(1);
    server.log.length = 0;
    expect((await auth.send('GET', '/z', server.attempt('GET', '/z'))).status).toBe(200);
    expect(server.log.map((r) => [nonceOf(r.authorization), ncOf(r.authorization)])).toEqual([['nonce-1', '00000003']]);
  });

  it('lends at most `slots` nonces at once; further requests wait for one', async () => {
    const server = digestServer({ delays: () => 2 });
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key', { slots: 3 });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => auth.send('GET', `/q/${i}`, server.attempt('GET', `/q/${i}`))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(Math.max(...server.log.map((r) => r.inFlight))).toBeLessThanOrEqual(3);
    expect(server.nonces()).toBe(3);
  });

  it('passes on an answer to an unauthenticated request that is not a challenge, and gives back the slot of a request that failed', async () => {
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key', { slots: 1 });
    const open = async (): Promise<RawResponse> => ({ status: 200, headers: {}, text: '{}' });
    expect((await auth.send('GET', '/open', open)).status).toBe(200);
    const server = digestServer();
    await auth.send('GET', '/warm', server.attempt('GET', '/warm'));
    await expect(auth.send('GET', '/x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    server.log.length = 0;
    expect((await auth.send('GET', '/z', server.attempt('GET', '/z'))).status).toBe(200);
    // The count the lost request took is skipped, which a strict server accepts.
    expect(server.log.map((r) => [r.status, ncOf(r.authorization)])).toEqual([[200, '00000003']]);
  });

  it('keeps the private key out of inspection and JSON', async () => {
    const { inspect } = await import('node:util');
    const auth = new DigestAuthenticator('abcdefgh', 'secret-private-key');
    expect(inspect(auth, { depth: 5, showHidden: true })).not.toContain('secret-private-key');
    expect(JSON.stringify(auth)).not.toContain('secret-private-key');
  });
});
