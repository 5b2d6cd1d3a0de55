import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBody, type GroupList } from '@/lib/api/schemas';
import { seedSchema, type Seed } from '@/lib/emulator/seed';
import { demoSeedPath } from '@/lib/emulator/seeds/demo';
import { emulatorControls, type EmulatorControls } from '@/lib/emulator/testing/control-client';
import { startHarness, type Harness } from '@/lib/testing/console-harness';

// Upstream faults through every proxied route: a clear message for the person, GETs that recover within
// their bound, mutations sent exactly once, and a history that records how each one ended.
let harness: Harness;
let controls: EmulatorControls;
let seed: Seed;
const as = 'orgowner@demo.test';
let groupId: string;
let orgId: string;
let keyId: string;
let projects: GroupList;

/** What GET /api/groups reads upstream when its caches are cold: the organization's projects, people and details. */
const coldProjectReads = [
  ['org projects', () => `/orgs/${orgId}/groups`],
  ['org people', () => `/orgs/${orgId}/users`],
  ['org details', () => `/orgs/${orgId}`],
] as const;

const faults = {
  '429 with Retry-After': { status: 429, headers: { 'Retry-After': '1' }, body: '{"error":429,"errorCode":"RATE_LIMITED","detail":"You have exceeded the rate limit for this resource.","reason":"Too Many Requests"}' },
  '429 without Retry-After': { status: 429, body: '{"error":429,"errorCode":"RATE_LIMITED","detail":"You have exceeded the rate limit for this resource.","reason":"Too Many Requests"}' },
  '500': { status: 500, body: '{"error":500,"errorCode":"UNEXPECTED_ERROR","detail":"Boom.","reason":"Internal Server Error"}' },
  '502': { status: 502, body: 'Bad gateway' },
  '503': { status: 503, body: '' },
  timeout: { delayMs: 1500 },
  'dropped connection': { drop: true },
  'malformed JSON': { status: 200, body: '{"results": [' },
} as const;
type FaultName = keyof typeof faults;

/** What a GET shows after one such fault: transient ones are retried away; a timeout or garbage is reported. */
const getOutcome: Record<FaultName, number> = {
  '429 with Retry-After': 200,
  '429 without Retry-After': 200,
  '500': 200,
  '502': 200,
  '503': 200,
  timeout: 504,
  'dropped connection': 200,
  'malformed JSON': 502,
};

/** What a mutation shows: never retried, so the person sees the fault in plain words. */
const mutationStatus: Record<FaultName, number> = {
  '429 with Retry-After': 429,
  '429 without Retry-After': 429,
  '500': 502,
  '502': 502,
  '503': 502,
  timeout: 504,
  'dropped connection': 502,
  'malformed JSON': 502,
};

/**
 * The paths of the upstream calls that did work, without the Admin API's base path: a Digest challenge (a nonce for one
 * more concurrent call) is the handshake, not a call.
 */
async function upstreamPaths(): Promise<string[]> {
  const base = new URL(process.env.ATLAS_BASE_URL!).pathname;
  return (await harness.upstreamRequests()).filter((r) => !(r.status === 401 && r.challenged)).map((r) => r.path.slice(base.length));
}

async function expectClearError(answer: Response, status: number) {
  expect(answer.status).toBe(status);
  const text = await answer.text();
  // Whatever failed upstream, the console's credential never reaches the browser.
  expect(text).not.toContain(seed.apiKeys.find((k) => k.id === seed.consoleKey)!.privateKey);
  const body = apiErrorBody.parse(JSON.parse(text));
  expect(body.error).toBe(status);
  expect(body.detail).toMatch(/^[A-Z].{15,}/);
  expect(body.detail).not.toMatch(/at .*\.(ts|js):\d+|undici|ECONN/);
}

beforeAll(async () => {
  seed = seedSchema.parse(JSON.parse(readFileSync(demoSeedPath, 'utf8')));
  harness = await startHarness(seed, { timeoutMs: 800 });
  controls = emulatorControls(harness.emulator.url);
  const owner = seed.users.find((u) => u.emailAddress === 'owner@demo.test')!;
  groupId = owner.roles.find((r) => r.roleName === 'GROUP_OWNER')!.groupId!;
  orgId = seed.orgs[0]!.id;
  keyId = seed.apiKeys.find((k) => k.id !== seed.consoleKey && k.roles.some((r) => r.groupId === groupId))!.id;
  // Warm the role caches: the faults below hit the request's own upstream call.
  expect((await harness.call('GET', `/api/groups/${groupId}/apiKeys`, { as })).status).toBe(200);
  // What GET /api/groups answers when nothing fails; after any fault it must answer the same.
  const visible = await harness.call('GET', '/api/groups', { as });
  expect(visible.status).toBe(200);
  projects = (await visible.json()) as GroupList;
});

afterAll(() => harness.close());

it('faults below every upstream read of GET /api/groups with cold caches', async () => {
  harness.forgetCaches();
  await harness.clearUpstreamRequests();
  expect((await harness.call('GET', '/api/groups', { as })).status).toBe(200);
  expect((await upstreamPaths()).sort()).toEqual(coldProjectReads.map(([, path]) => path()).sort());
});

describe.each(Object.keys(faults) as FaultName[])('upstream fault: %s', (name) => {
  const fault = faults[name];

  it.each([
    ['project keys', () => `/api/groups/${groupId}/apiKeys`, () => `/groups/${groupId}/apiKeys$`],
    ['org keys', () => `/api/orgs/${orgId}/apiKeys`, () => `/orgs/${orgId}/apiKeys$`],
    ['audit', () => '/api/audit', () => `/orgs/${orgId}/apiKeys$`],
  ])('GET %s', async (_label, route, upstream) => {
    await controls.fault({ method: 'GET', path: upstream(), ...fault });
    const answer = await harness.call('GET', route(), { as });
    if (getOutcome[name] === 200) expect(answer.status).toBe(200);
    else await expectClearError(answer, getOutcome[name]);
  });

  it.each(coldProjectReads)('GET projects with cold caches, fault on %s', async (_label, upstream) => {
    harness.forgetCaches();
    await harness.clearUpstreamRequests();
    await controls.fault({ method: 'GET', path: `${upstream()}$`, ...fault });
    const answer = await harness.call('GET', '/api/groups', { as });
    if (getOutcome[name] === 200) expect(await answer.json()).toEqual(projects);
    else await expectClearError(answer, getOutcome[name]);
    // The fault was met, and a retried read sent once more; a timed-out read is logged only once its held answer is sent.
    const attempts = getOutcome[name] === 200 ? 2 : 1;
    await expect.poll(async () => (await upstreamPaths()).filter((path) => path === upstream()).length, { timeout: 3000 }).toBe(attempts);
    // The next call reads again only what failed: good answers stay cached, failures never are.
    await harness.clearUpstreamRequests();
    const next = await harness.call('GET', '/api/groups', { as });
    expect(await next.json()).toEqual(projects);
    expect(await upstreamPaths()).toEqual(getOutcome[name] === 200 ? [] : [upstream()]);
  });

  it.each([
    ['POST', () => `/api/groups/${groupId}/apiKeys`, () => `/groups/${groupId}/apiKeys$`, { desc: `fault ${name}`, roles: ['GROUP_READ_ONLY'] }],
    ['PATCH', () => `/api/groups/${groupId}/apiKeys/${keyId}`, () => `/groups/${groupId}/apiKeys/${keyId}$`, { roles: ['GROUP_OWNER'] }],
    ['DELETE', () => `/api/groups/${groupId}/apiKeys/${keyId}`, () => `/groups/${groupId}/apiKeys/${keyId}$`, undefined],
  ] as const)('%s is sent once and its outcome recorded', async (method, route, upstream, body) => {
    // DELETE needs the key in the project; earlier cases may have removed it.
    await harness.call('PATCH', `/api/groups/${groupId}/apiKeys/${keyId}`, { as, body: { roles: ['GROUP_READ_ONLY'] } });
    await harness.clearUpstreamRequests();
    await controls.fault({ method, path: upstream(), ...fault });
    const answer = await harness.call(method, route(), { as, body });
    // A removal is judged by its status alone: a 200 with a garbled body still removed the key.
    const removedAnyway = method === 'DELETE' && name === 'malformed JSON';
    if (removedAnyway) expect(answer.status).toBe(204);
    else await expectClearError(answer, mutationStatus[name]);
    if (answer.status === 429) expect(answer.headers.get('Retry-After')).toBe(name === '429 with Retry-After' ? '1' : '10');
    // A timed-out request is logged upstream once its held answer is sent; wait for it so it cannot leak into the next case.
    await expect.poll(async () => (await harness.upstreamRequests()).filter((r) => r.method === method).length, { timeout: 3000 }).toBeGreaterThan(0);
    expect((await harness.upstreamRequests()).filter((r) => r.method === method)).toHaveLength(1);
    const history = (await (await harness.call('GET', '/api/activity?limit=1', { as })).json()) as {
      results: { outcome: string; errorCode: string | null; settledBy: string | null }[];
    };
    // A lost answer (502, 503, a dropped connection) is settled at once by one read of the key: the fault applied
    // nothing, so "not applied". A new key has no id to read, and a timed-out write may still land: both stay unknown.
    const answerLost = name === '502' || name === '503' || name === 'dropped connection';
    const inconclusive = name === 'timeout' || name === 'malformed JSON' || (answerLost && method === 'POST');
    const expected = removedAnyway ? 'success' : inconclusive ? 'unknown' : 'failure';
    expect(history.results[0]?.outcome).toBe(expected);
    if (answerLost && method !== 'POST') {
      expect(history.results[0]).toMatchObject({ errorCode: 'NOT_APPLIED', settledBy: 'recovery' });
      expect((await harness.upstreamRequests()).filter((r) => r.method === 'GET' && r.path.endsWith(`/apiKeys/${keyId}`))).toHaveLength(2);
    }
  });
});
