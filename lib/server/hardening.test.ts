// The second hardening round at the level where each rule can fail: real route handlers, real session cookies, the
// emulator over HTTP (issue 14).
import { readFileSync } from 'node:fs';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey, ApiKeyList } from '@/lib/api/schemas';
import { revokeSession } from '@/lib/auth/revocation';
import { seedSchema, type Seed } from '@/lib/emulator/seed';
import { demoSeedPath } from '@/lib/emulator/seeds/demo';
import { emulatorControls, type EmulatorControls } from '@/lib/emulator/testing/control-client';
import { startHarness, type Harness } from '@/lib/testing/console-harness';
import { escapeForLog } from '@/lib/log-text';
import { getChangeStore } from '@/lib/services';

let harness: Harness;
let controls: EmulatorControls;
let seed: Seed;
let p1: string;
let p3: string;
const owner = 'owner@demo.test';
const orgOwner = 'orgowner@demo.test';

beforeAll(async () => {
  seed = seedSchema.parse(JSON.parse(readFileSync(demoSeedPath, 'utf8')));
  harness = await startHarness(seed);
  controls = emulatorControls(harness.emulator.url);
  const ownerRoles = seed.users.find((u) => u.emailAddress === owner)!.roles;
  p1 = ownerRoles.find((r) => r.roleName === 'GROUP_OWNER')!.groupId!;
  p3 = seed.projects.find((p) => !ownerRoles.some((r) => r.groupId === p.id))!.id;
  // Warm the role caches so that what is counted below is the request's own upstream calls.
  for (const as of [owner, orgOwner]) expect((await harness.call('GET', `/api/groups/${p1}/apiKeys`, { as })).status).toBe(200);
}, 60_000);

afterAll(() => harness.close());

async function expectRefusedLocally(answer: Response, status: number, errorCode: string, detail?: RegExp) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('Cache-Control')).toBe('no-store');
  const body = (await answer.json()) as { errorCode: string; detail: string };
  expect(body.errorCode).toBe(errorCode);
  if (detail) expect(body.detail).toMatch(detail);
  expect(await harness.upstreamRequests()).toEqual([]);
}

describe('2. control characters', () => {
  it.each(['\u0000', '\u001b[31m', '\r\nFAKE LOG LINE', '\u007f', '\u0085', '\u2028'])('in a description (%j): 400 naming the field', async (bad) => {
    await harness.clearUpstreamRequests();
    const answer = await harness.call('POST', `/api/groups/${p1}/apiKeys`, { as: owner, body: { desc: `ci${bad}key`, roles: ['GROUP_READ_ONLY'] } });
    await expectRefusedLocally(answer, 400, 'VALIDATION_ERROR', /^Invalid body: desc: must not contain control characters/);
  });

  it.each([
    ['/api/activity?actor=a%00b', /query: actor/],
    ['/api/activity?from=2026-01-01T00:00:00Z%0a', /query: from/],
    ['/api/audit?manyProjects=%1b', /query: manyProjects/],
    ['/api/groups?x%00y=1', /query: x\\u0000y/],
  ])('in a query (%s): 400 naming the parameter, escaped', async (url, detail) => {
    await harness.clearUpstreamRequests();
    await expectRefusedLocally(await harness.call('GET', url, { as: owner }), 400, 'VALIDATION_ERROR', detail);
  });

  // Found by the route fuzzer: a blank actor passed the route's schema and failed the store's, as a 500.
  it.each(['/api/activity?actor=', '/api/activity?actor=%20%20'])('a blank actor (%s): 400 naming the parameter', async (url) => {
    await harness.clearUpstreamRequests();
    await expectRefusedLocally(await harness.call('GET', url, { as: owner }), 400, 'VALIDATION_ERROR', /query: actor: must not be blank/);
  });

  it('log text keeps no control character', () => {
    expect(escapeForLog('GET /x failed: a\u0000b\u001b[2J\r\nforged')).toBe('GET /x failed: a\\u0000b\\u001b[2J\\u000d\\u000aforged');
  });
});

describe('3. roles in projects the person cannot see', () => {
  it('are counted, never shown, in the list and in the answer of a role change', async () => {
    const created = (await (await harness.call('POST', `/api/groups/${p1}/apiKeys`, { as: orgOwner, body: { desc: 'in two projects', roles: ['GROUP_READ_ONLY'] } })).json()) as ApiKey;
    expect((await harness.call('PATCH', `/api/groups/${p3}/apiKeys/${created.id}`, { as: orgOwner, body: { roles: ['GROUP_OWNER'] } })).status).toBe(200);

    const listed = await harness.call('GET', `/api/groups/${p1}/apiKeys`, { as: owner });
    const text = await listed.text();
    expect(text).not.toContain(p3);
    const key = (JSON.parse(text) as ApiKeyList).results.find((k) => k.id === created.id)!;
    expect(key.hiddenProjects).toBe(1);
    expect(key.roles.filter((r) => r.groupId)).toEqual([{ groupId: p1, roleName: 'GROUP_READ_ONLY' }]);

    const changed = await harness.call('PATCH', `/api/groups/${p1}/apiKeys/${created.id}`, { as: owner, body: { roles: ['GROUP_OWNER'] } });
    const changedText = await changed.text();
    expect(changed.status).toBe(200);
    expect(changedText).not.toContain(p3);
    expect(JSON.parse(changedText)).toMatchObject({ hiddenProjects: 1 });

    // An Organization Owner sees every project, so nothing is hidden.
    const all = (await (await harness.call('GET', `/api/groups/${p1}/apiKeys`, { as: orgOwner })).json()) as ApiKeyList;
    const full = all.results.find((k) => k.id === created.id)!;
    expect(full.hiddenProjects).toBeUndefined();
    expect(full.roles.map((r) => r.groupId)).toContain(p3);
  });
});

describe('4. lengths counted in UTF-16 code units, as the upstream counts them', () => {
  it('125 emoji (250 units) pass; 126 are refused before the upstream', async () => {
    const ok = await harness.call('POST', `/api/groups/${p1}/apiKeys`, { as: owner, body: { desc: '😀'.repeat(125), roles: ['GROUP_READ_ONLY'] } });
    expect(ok.status).toBe(200);
    await harness.clearUpstreamRequests();
    const tooLong = await harness.call('POST', `/api/groups/${p1}/apiKeys`, { as: owner, body: { desc: '😀'.repeat(126), roles: ['GROUP_READ_ONLY'] } });
    await expectRefusedLocally(tooLong, 400, 'INVALID_API_KEY_DESC', /at most 250 characters/);
  });
});

describe('5. same-site check', () => {
  it.each<[string, Record<string, string>]>([
    ['neither Origin nor Sec-Fetch-Site', {}],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
    ['the right scheme and host but another port', { origin: 'http://localhost:3001' }],
    ['a forged X-Forwarded-Host with a matching Origin, no proxy declared', { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }],
  ])('refuses a write with %s', async (_, headers) => {
    await harness.clearUpstreamRequests();
    const answer = await harness.call('DELETE', `/api/groups/${p1}/apiKeys/${seed.apiKeys[1]!.id}`, { as: owner, headers, sameSite: false });
    await expectRefusedLocally(answer, 403, 'CROSS_SITE_REQUEST');
  });
});

describe('6. Host allow-list', () => {
  it.each(['evil.example', 'evil.example:3000', '127.0.0.1.nip.io'])('a request for Host %s is refused before anything else', async (host) => {
    await harness.clearUpstreamRequests();
    await expectRefusedLocally(await harness.call('GET', '/api/groups', { as: owner, headers: { host } }), 421, 'MISDIRECTED_REQUEST');
  });
});

describe('7. upstream rate limits', () => {
  it('a long Retry-After ends the retries at once and reaches the caller', async () => {
    const fault = { method: 'GET', path: `/groups/${p1}/apiKeys$`, times: 3, status: 429, headers: { 'Retry-After': '30' }, body: '{"error":429,"errorCode":"RATE_LIMITED","detail":"Slow down.","reason":"Too Many Requests"}' };
    await controls.fault(fault);
    await harness.clearUpstreamRequests();
    const started = Date.now();
    const answer = await harness.call('GET', `/api/groups/${p1}/apiKeys`, { as: owner });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('Retry-After')).toBe('30');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await harness.upstreamRequests()).filter((r) => r.path.endsWith(`/groups/${p1}/apiKeys`))).toHaveLength(1);
    await controls.clearFaults();
  });
});

describe('9. /api/health', () => {
  it('asks the upstream at most once per few seconds and shows no upstream text', async () => {
    const first = await harness.call('GET', '/api/health');
    expect(first.status).toBe(200);
    await harness.clearUpstreamRequests();
    for (let i = 0; i < 5; i++) expect((await harness.call('GET', '/api/health')).status).toBe(200);
    expect(await harness.upstreamRequests()).toEqual([]);
    expect(await first.json()).toEqual({ ok: true, upstream: { ok: true }, database: { ok: true } });
  });

  it('says only that the upstream is down, not what it answered', async () => {
    // Past the healthy answer's few seconds of cache.
    await new Promise((resolve) => setTimeout(resolve, 5_200));
    const orgId = seed.orgs[0]!.id;
    const fault = { method: 'GET', path: `/orgs/${orgId}$`, times: 5, status: 500, body: '{"error":500,"errorCode":"UNEXPECTED_ERROR","detail":"Internal host db-7.corp failed","reason":"Internal Server Error"}' };
    await controls.fault(fault);
    const answer = await harness.call('GET', '/api/health');
    expect(answer.status).toBe(503);
    const text = await answer.text();
    expect(text).not.toContain('db-7');
    expect(JSON.parse(text)).toEqual({ ok: false, upstream: { ok: false }, database: { ok: true } });
    await controls.clearFaults();
  });
});

describe('10. JSON errors everywhere under /api/', () => {
  it.each(['/api/nothing-here', '/api/groups/x/y/z/w', '/api/orgs'])('%s answers 404 in the error shape', async (url) => {
    const answer = await harness.call('GET', url, { as: owner });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('Cache-Control')).toBe('no-store');
    expect(await answer.json()).toMatchObject({ error: 404, errorCode: 'NOT_FOUND', reason: 'Not Found' });
  });

  it.each([
    ['PUT', '/api/groups', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/activity', 'GET, HEAD, OPTIONS'],
    ['GET', `/api/groups/{p1}/apiKeys/${'a'.repeat(24)}`, 'PATCH, DELETE, OPTIONS'],
    ['PUT', '/api/groups/{p1}/apiKeys', 'GET, POST, HEAD, OPTIONS'],
    ['POST', '/api/health', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/audit/reviews', 'GET, POST, HEAD, OPTIONS'],
  ])('%s %s answers 405 with Allow', async (method, url, allow) => {
    const answer = await harness.call(method, url.replace('{p1}', p1), { as: owner });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('Allow')).toBe(allow);
    expect(answer.headers.get('Cache-Control')).toBe('no-store');
    expect(await answer.json()).toMatchObject({ error: 405, errorCode: 'METHOD_NOT_ALLOWED', reason: 'Method Not Allowed' });
  });
});

describe('11. signed-out sessions', () => {
  const secret = () => process.env.NEXTAUTH_SECRET!;
  const cookieFor = async (sid: string | undefined) =>
    `next-auth.session-token=${await encode({ token: { email: owner, name: owner, ...(sid ? { sid } : {}) }, secret: secret() })}`;

  it('a copied cookie stops working once its session is signed out on this instance', async () => {
    const cookie = await cookieFor('session-signed-out-here');
    expect((await harness.call('GET', '/api/groups', { headers: { cookie } })).status).toBe(200);
    await revokeSession('session-signed-out-here', Date.now() / 1000 + 3600);
    expect((await harness.call('GET', '/api/groups', { headers: { cookie } })).status).toBe(401);
  });

  it('and within seconds when another instance sharing the database signed it out', async () => {
    const cookie = await cookieFor('session-signed-out-elsewhere');
    expect((await harness.call('GET', '/api/groups', { headers: { cookie } })).status).toBe(200);
    // What another instance's sign-out leaves: a row in the shared table, nothing in this process.
    await (await getChangeStore()).revokeSession('session-signed-out-elsewhere', new Date(Date.now() + 3_600_000));
    await new Promise((resolve) => setTimeout(resolve, 5_200));
    expect((await harness.call('GET', '/api/groups', { headers: { cookie } })).status).toBe(401);
  });

  it('a token without a session id (made before sign-out could revoke it) holds nobody', async () => {
    expect((await harness.call('GET', '/api/groups', { headers: { cookie: await cookieFor(undefined) } })).status).toBe(401);
  });
});
