import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSchema, type Seed } from '@/lib/emulator/seed';
import { demoSeedPath } from '@/lib/emulator/seeds/demo';
import { startHarness, type Harness } from '@/lib/testing/console-harness';

// Upstream faults through every proxied route: a clear message for the person, GETs that recover within
// their bound, mutations sent exactly once, and a history that records how each one ended.
let harness: Harness;
let seed: Seed;
const as = 'orgowner@demo.test';
let groupId: string;
let orgId: string;
let keyId: string;

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

async function inject(method: string, path: string, fault: (typeof faults)[FaultName]) {
  const answer = await fetch(`${harness.emulator.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, path, times: 1, ...fault }),
  });
  expect(answer.ok).toBe(true);
}

async function expectClearError(answer: Response, status: number) {
  expect(answer.status).toBe(status);
  const body = (await answer.json()) as { detail: string; errorCode: string };
  expect(body.detail).toMatch(/^[A-Z].{15,}/);
  expect(body.detail).not.toMatch(/at .*\.(ts|js):\d+|undici|ECONN/);
}

beforeAll(async () => {
  seed = seedSchema.parse(JSON.parse(readFileSync(demoSeedPath, 'utf8')));
  harness = await startHarness(seed, { timeoutMs: 800 });
  const owner = seed.users.find((u) => u.emailAddress === 'owner@demo.test')!;
  groupId = owner.roles.find((r) => r.roleName === 'GROUP_OWNER')!.groupId!;
  orgId = seed.orgs[0]!.id;
  keyId = seed.apiKeys.find((k) => k.id !== seed.consoleKey && k.roles.some((r) => r.groupId === groupId))!.id;
  // Warm the role caches: the faults below hit the request's own upstream call.
  expect((await harness.call('GET', `/api/groups/${groupId}/apiKeys`, { as })).status).toBe(200);
});

afterAll(() => harness.close());

describe.each(Object.keys(faults) as FaultName[])('upstream fault: %s', (name) => {
  const fault = faults[name];

  it.each([
    ['project keys', () => `/api/groups/${groupId}/apiKeys`, () => `/groups/${groupId}/apiKeys$`],
    ['org keys', () => `/api/orgs/${orgId}/apiKeys`, () => `/orgs/${orgId}/apiKeys$`],
    ['audit', () => '/api/audit', () => `/orgs/${orgId}/apiKeys$`],
  ])('GET %s', async (_label, route, upstream) => {
    await inject('GET', upstream(), fault);
    const answer = await harness.call('GET', route(), { as });
    if (getOutcome[name] === 200) expect(answer.status).toBe(200);
    else await expectClearError(answer, getOutcome[name]);
  });

  it.each([
    ['POST', () => `/api/groups/${groupId}/apiKeys`, () => `/groups/${groupId}/apiKeys$`, { desc: `fault ${name}`, roles: ['GROUP_READ_ONLY'] }],
    ['PATCH', () => `/api/groups/${groupId}/apiKeys/${keyId}`, () => `/groups/${groupId}/apiKeys/${keyId}$`, { roles: ['GROUP_READ_ONLY'] }],
    ['DELETE', () => `/api/groups/${groupId}/apiKeys/${keyId}`, () => `/groups/${groupId}/apiKeys/${keyId}$`, undefined],
  ] as const)('%s is sent once and its outcome recorded', async (method, route, upstream, body) => {
    // DELETE needs the key in the project; earlier cases may have removed it.
    await harness.call('PATCH', `/api/groups/${groupId}/apiKeys/${keyId}`, { as, body: { roles: ['GROUP_READ_ONLY'] } });
    await harness.clearUpstreamRequests();
    await inject(method, upstream(), fault);
    const answer = await harness.call(method, route(), { as, body });
    // A removal is judged by its status alone: a 200 with a garbled body still removed the key.
    const removedAnyway = method === 'DELETE' && name === 'malformed JSON';
    if (removedAnyway) expect(answer.status).toBe(204);
    else await expectClearError(answer, mutationStatus[name]);
    // A timed-out request is logged upstream once its held answer is sent; wait for it so it cannot leak into the next case.
    await expect.poll(async () => (await harness.upstreamRequests()).filter((r) => r.method === method).length, { timeout: 3000 }).toBeGreaterThan(0);
    expect((await harness.upstreamRequests()).filter((r) => r.method === method)).toHaveLength(1);
    const history = (await (await harness.call('GET', '/api/activity?limit=1', { as })).json()) as { results: { outcome: string }[] };
    const inconclusive = name === 'timeout' || name === 'dropped connection' || name === 'malformed JSON';
    expect(history.results[0]?.outcome).toBe(removedAnyway ? 'success' : inconclusive ? 'unknown' : 'failure');
  });
});
