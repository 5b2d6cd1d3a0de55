import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UpstreamError } from './errors';
import { answerError, backoffMs, exchange, readAnswer, retryAfterMs, withRetries, type AnswerContext, type HttpMethod } from './http';
import { startLocalServer, type LocalServer } from './testing/local-server';

describe('retryAfterMs', () => {
  it('reads whole seconds and ignores anything else', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(['0'])).toBe(0);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT')).toBeUndefined();
    expect(retryAfterMs('-1')).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('doubles per retry with half of it random', () => {
    expect(backoffMs(1, 200, undefined, () => 0)).toBe(100);
    expect(backoffMs(1, 200, undefined, () => 1)).toBe(200);
    expect(backoffMs(3, 200, undefined, () => 0.5)).toBe(600);
  });

  it('never waits less than Retry-After', () => {
    expect(backoffMs(1, 200, 2000, () => 1)).toBe(2000);
    expect(backoffMs(5, 200, 100, () => 1)).toBe(3200);
  });
});

describe('withRetries over real HTTP', () => {
  let server: LocalServer;
  let agent: Agent;
  /** What the server answers to the next requests, in order; then 200. */
  let script: ('503' | '500' | '429' | '429+1' | '429+30' | 'drop' | 'slow')[] = [];
  let hits = 0;

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      hits += 1;
      const next = script.shift();
      req.resume();
      if (next === 'drop') return req.socket.destroy();
      if (next === 'slow') return void setTimeout(() => res.end('{}'), 300);
      if (next?.startsWith('429')) {
        const after = next.split('+')[1];
        res.writeHead(429, after ? { 'retry-after': after } : {});
        return res.end('{"error":429,"errorCode":"RATE_LIMITED"}');
      }
      res.writeHead(next ? Number(next) : 200);
      res.end(next ? '{"error":500}' : '{"ok":true}');
    });
    agent = new Agent({ keepAliveTimeout: 1000 });
  });
  afterAll(async () => {
    await agent.close();
    await server.close();
  });
  beforeEach(() => {
    script = [];
    hits = 0;
  });

  const run = (method: HttpMethod, policy: { maxTotalMs?: number; timeoutMs?: number } = {}) =>
    withRetries(method, { maxAttempts: 3, maxTotalMs: policy.maxTotalMs ?? 5_000, baseDelayMs: 10, timeoutMs: policy.timeoutMs ?? 2_000 }, (timeoutMs) =>
      exchange(agent, { method, url: new URL(`${server.url}/x`), headers: {} }, timeoutMs),
    );

  it('recovers a GET from 503, 500 and a dropped connection', async () => {
    script = ['503', 'drop'];
    expect((await run('GET')).status).toBe(200);
    script = ['500', '503'];
    expect((await run('GET')).status).toBe(200);
    expect(hits).toBe(6);
  });

  it('gives up after maxAttempts and returns the last answer', async () => {
    script = ['503', '503', '500', '503'];
    expect((await run('GET')).status).toBe(500);
    expect(hits).toBe(3);
  });

  it('throws the network error when the connection keeps dropping', async () => {
    script = ['drop', 'drop', 'drop'];
    await expect(run('GET')).rejects.toMatchObject({ kind: 'network', status: 502 });
    expect(hits).toBe(3);
  });

  it('waits for Retry-After, and for a short backoff without it', async () => {
    script = ['429'];
    expect((await run('GET')).status).toBe(200);
    script = ['429+1'];
    const started = Date.now();
    expect((await run('GET')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(hits).toBe(4);
  });

  it('does not wait past its total budget: a long Retry-After returns the 429 at once', async () => {
    script = ['429+30'];
    const started = Date.now();
    expect((await run('GET', { maxTotalMs: 2_000 })).status).toBe(429);
    expect(Date.now() - started).toBeLessThan(500);
    expect(hits).toBe(1);
  });

  it('does not retry a timeout', async () => {
    script = ['slow'];
    const error = await run('GET', { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: 'timeout', status: 504 });
    expect(hits).toBe(1);
  });

  it.each(['POST', 'PATCH', 'DELETE'] as const)('never sends a %s twice', async (method) => {
    script = ['503'];
    expect((await run(method)).status).toBe(503);
    script = ['drop'];
    await expect(run(method)).rejects.toMatchObject({ kind: 'network' });
    script = ['429+1'];
    expect((await run(method)).status).toBe(429);
    expect(hits).toBe(3);
  });
});

const context: AnswerContext = { what: 'GET /groups/0123456789abcdef01234567/apiKeys', credential: 'API key', scope: 'project' };
const answer = (status: number, text = '', headers: Record<string, string> = {}) => ({ status, headers, text });

describe('readAnswer', () => {
  it('parses JSON and treats an empty body as no answer', () => {
    expect(readAnswer(answer(200, '{"a":1}'), context)).toEqual({ a: 1 });
    expect(readAnswer(answer(204), context)).toBeUndefined();
    expect(readAnswer(answer(200, '  '), context)).toBeUndefined();
  });

  it('turns malformed JSON into an invalid-response error', () => {
    expect(() => readAnswer(answer(200, '{"results": [1, 2'), context)).toThrow(
      expect.objectContaining({ kind: 'invalid-response', status: 502, errorCode: 'INVALID_UPSTREAM_RESPONSE' }),
    );
  });
});

describe('answerError', () => {
  it('keeps the upstream status, errorCode and detail', () => {
    const error = answerError(answer(404, '{"error":404,"errorCode":"GROUP_NOT_FOUND","detail":"No group with ID x exists.","reason":"Not Found","parameters":["x"]}'), context);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: 'upstream', status: 404, errorCode: 'GROUP_NOT_FOUND', detail: 'No group with ID x exists.', reason: 'Not Found' });
    expect(JSON.parse(JSON.stringify(error))).toEqual({ error: 404, errorCode: 'GROUP_NOT_FOUND', detail: 'No group with ID x exists.', reason: 'Not Found' });
  });

  it('fills in what a bodiless or odd answer leaves out', () => {
    expect(answerError(answer(503, '<html>busy</html>'), context)).toMatchObject({
      kind: 'upstream',
      status: 503,
      errorCode: 'SERVICE_UNAVAILABLE',
      reason: 'Service Unavailable',
      detail: `The Admin API answered ${context.what} with 503 Service Unavailable.`,
    });
  });

  it("reads a 401 after authentication as the console's credential lacking a role, in the call's scope", () => {
    const body = '{"error":401,"errorCode":"NOT_IN_GROUP","detail":"Current user is not in the group, or the group does not exist.","reason":"Unauthorized"}';
    expect(answerError(answer(401, body), context)).toMatchObject({
      kind: 'credential',
      status: 401,
      errorCode: 'NOT_IN_GROUP',
      detail: "The console's API key lacks the Project Owner or Organization Owner role needed for this project.",
    });
    expect(answerError(answer(401, '{"errorCode":"NOT_API_KEY_ADMIN"}'), { ...context, scope: 'organization', credential: 'service account' })).toMatchObject({
      kind: 'credential',
      detail: "The console's service account lacks the Organization Owner role needed for this organization.",
    });
  });

  it('reads a 401 that challenges again as the credential being refused', () => {
    const error = answerError(answer(401, '{"errorCode":"USER_UNAUTHORIZED"}', { 'www-authenticate': 'Digest realm="MMS Public API", nonce="n", qop="auth"' }), context);
    expect(error).toMatchObject({ kind: 'credential', errorCode: 'USER_UNAUTHORIZED' });
    expect(error.detail).toContain("rejected the console's API key");
    expect(error.detail).not.toMatch(/sign|session|log ?in/i);
  });

  it("reads an access-list 403 as the console's credential, other 403s as they are", () => {
    expect(answerError(answer(403, '{"errorCode":"IP_ADDRESS_NOT_ON_ACCESS_LIST"}'), context)).toMatchObject({ kind: 'credential', status: 403 });
    expect(answerError(answer(403, '{"errorCode":"SOMETHING_ELSE","detail":"No."}'), context)).toMatchObject({ kind: 'upstream', detail: 'No.' });
  });
});
