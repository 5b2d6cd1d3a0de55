// The test controls under /__emulator/: info, request log, faults, state, reset — and the global latency.
import { beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from './server';
import { fixtureEmulatorForFile } from './testing/fixture-emulator';
import { credentials, fixtureSeed, ids } from './testing/fixture-seed';
import { surfaceClient, testSurfaces, type CallApi } from './testing/surface-client';

const emulator = fixtureEmulatorForFile();
let api: CallApi;
beforeAll(() => {
  api = surfaceClient(emulator.url, testSurfaces[0]!, credentials.console);
});

async function control(method: string, what: string, body?: unknown) {
  const answer = await fetch(`${emulator.url}/__emulator/${what}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await answer.text();
  return { status: answer.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const keysPath = `/api/public/v1.0/groups/${ids.p1}/apiKeys`;

describe('info, log and state', () => {
  it('GET info names the emulator and its organizations', async () => {
    expect(await control('GET', 'info')).toEqual({ status: 200, body: { emulator: 'atlas-admin-api-emulator', orgIds: [ids.org, ids.otherOrg] } });
  });

  it('logs API requests (not control requests) with method, path, query, status, auth, challenge and time', async () => {
    await api('GET', `/groups/${ids.p1}/apiKeys?pageNum=1&itemsPerPage=5`);
    const { body } = await control('GET', 'requests');
    expect(body).toEqual([
      { method: 'GET', path: keysPath, query: { pageNum: '1', itemsPerPage: '5' }, status: 401, auth: 'none', challenged: true, at: expect.any(String), node: 0 },
      { method: 'GET', path: keysPath, query: { pageNum: '1', itemsPerPage: '5' }, status: 200, auth: 'digest', challenged: false, at: expect.any(String), node: 0 },
    ]);
    expect(await control('DELETE', 'requests')).toEqual({ status: 204, body: undefined });
    expect((await control('GET', 'requests')).body).toEqual([]);
  });

  it('GET state is the current state in the seed shape, as snapshot() is', async () => {
    await api('POST', `/groups/${ids.p1}/apiKeys`, { desc: 'in the state', roles: ['GROUP_READ_ONLY'] });
    const { body } = await control('GET', 'state');
    expect(body).toEqual(emulator.snapshot());
    expect(emulator.snapshot().apiKeys.at(-1)?.desc).toBe('in the state');
  });

  it('POST reset goes back to the seed and clears the log and the faults', async () => {
    await api('DELETE', `/groups/${ids.p1}/apiKeys/${emulator.snapshot().apiKeys[3]!.id}`);
    await control('POST', 'faults', { path: 'apiKeys', status: 500, times: 5 });
    expect(await control('POST', 'reset')).toEqual({ status: 204, body: undefined });
    expect(emulator.snapshot()).toEqual(fixtureSeed());
    expect((await control('GET', 'requests')).body).toEqual([]);
    expect((await api('GET', `/groups/${ids.p1}/apiKeys`)).status).toBe(200);
  });

  it('snapshot() is a copy that callers cannot change the state through', () => {
    const copy = emulator.snapshot();
    copy.apiKeys.length = 0;
    expect(emulator.snapshot().apiKeys.length).toBeGreaterThan(0);
  });

  it('unknown control paths answer 404', async () => {
    expect((await control('GET', 'nothing')).status).toBe(404);
  });
});

describe('faults', () => {
  it('answer with the given status, raw body and headers, before auth, as many times as asked', async () => {
    const added = await control('POST', 'faults', { path: '/apiKeys$', status: 503, body: '{"not json', headers: { 'retry-after': '7' }, times: 2 });
    expect(added).toEqual({ status: 201, body: { id: expect.any(String) } });
    for (let i = 0; i < 2; i++) {
      const answer = await fetch(`${emulator.url}${keysPath}`);
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('7');
      expect(await answer.text()).toBe('{"not json');
    }
    expect((await fetch(`${emulator.url}${keysPath}`)).status).toBe(401);
    const log = (await control('GET', 'requests')).body as { status: number; auth: string }[];
    expect(log.map((e) => [e.status, e.auth])).toEqual([
      [503, 'none'],
      [503, 'none'],
      [401, 'none'],
    ]);
  });

  it('match on method and path; DELETE faults removes them', async () => {
    await control('POST', 'faults', { method: 'post', path: `groups/${ids.p1}/apiKeys`, status: 500, times: 10 });
    expect((await api('GET', `/groups/${ids.p1}/apiKeys`)).status).toBe(200);
    expect((await api('POST', `/groups/${ids.p1}/apiKeys`, { desc: 'k', roles: ['GROUP_READ_ONLY'] })).status).toBe(500);
    await control('DELETE', 'faults');
    expect((await api('POST', `/groups/${ids.p1}/apiKeys`, { desc: 'k', roles: ['GROUP_READ_ONLY'] })).status).toBe(200);
  });

  it('drop the connection without an answer, logged with status 0', async () => {
    await control('POST', 'faults', { path: '^/api/public', drop: true });
    await expect(fetch(`${emulator.url}${keysPath}`)).rejects.toThrow();
    const log = (await control('GET', 'requests')).body as { status: number }[];
    expect(log.map((e) => e.status)).toEqual([0]);
  });

  it('delay the answer, then let the request through when no status or body is given', async () => {
    await control('POST', 'faults', { path: 'apiKeys', delayMs: 150 });
    const started = performance.now();
    const answer = await fetch(`${emulator.url}${keysPath}`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(answer.status).toBe(401);
  });

  it('are refused with 400 when malformed', async () => {
    expect((await control('POST', 'faults', { path: '(' })).status).toBe(400);
    expect((await control('POST', 'faults', { status: 500 })).status).toBe(400);
    expect((await control('POST', 'faults', { path: 'x', times: 0 })).status).toBe(400);
    expect((await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: 'nope' })).status).toBe(400);
  });
});

describe('latencyMs', () => {
  it('delays every API answer but not the test controls', async () => {
    const slow = await startEmulator({ seed: fixtureSeed(), latencyMs: 400 });
    try {
      let started = performance.now();
      expect((await fetch(`${slow.url}${keysPath}`)).status).toBe(401);
      expect(performance.now() - started).toBeGreaterThanOrEqual(390);
      started = performance.now();
      expect((await fetch(`${slow.url}/__emulator/info`)).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(390);
    } finally {
      await slow.close();
    }
  });
});

describe('controlToken', () => {
  it('hides every control, the state with its private keys included, from a request without the token', async () => {
    const guarded = await startEmulator({ seed: fixtureSeed(), controlToken: 'a-long-random-token-0123456789' });
    try {
      for (const [method, what] of [['GET', 'state'], ['GET', 'info'], ['GET', 'requests'], ['POST', 'reset'], ['DELETE', 'faults']] as const) {
        for (const headers of [{} as Record<string, string>, { 'X-Emulator-Control-Token': 'wrong' }, { 'X-Emulator-Control-Token': 'a-long-random-token-012345678' }]) {
          const answer = await fetch(`${guarded.url}/__emulator/${what}`, { method, headers });
          expect(answer.status, `${method} ${what}`).toBe(404);
          expect(await answer.text()).not.toContain(fixtureSeed().apiKeys[0]!.privateKey);
        }
      }
      const state = await fetch(`${guarded.url}/__emulator/state`, { headers: { 'X-Emulator-Control-Token': 'a-long-random-token-0123456789' } });
      expect(state.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
