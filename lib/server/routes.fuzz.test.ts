import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSchema, type Seed } from '@/lib/emulator/seed';
import { demoSeedPath } from '@/lib/emulator/seeds/demo';
import { startHarness, type Harness } from '@/lib/testing/console-harness';

// Property: whatever a browser or script sends, the console answers 2xx or a 4xx in the error shape —
// never a 5xx — and input it refuses as invalid never reaches the upstream.
const consoleValidationCodes = new Set([
  'PATH_PARAM_PARSE_ERROR',
  'VALIDATION_ERROR',
  'INVALID_API_KEY_DESC',
  'MISSING_API_KEY_ROLES',
  'INVALID_ROLE_FOR_GROUP',
  'REQUEST_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
]);

let harness: Harness;
let seed: Seed;
const orgOwner = 'orgowner@demo.test';

beforeAll(async () => {
  seed = seedSchema.parse(JSON.parse(readFileSync(demoSeedPath, 'utf8')));
  harness = await startHarness(seed);
  // Warm the role caches so the only upstream calls left are the ones a request itself causes.
  for (const project of seed.projects) await harness.call('GET', `/api/groups/${project.id}/apiKeys`, { as: orgOwner });
});

afterAll(() => harness.close());

// An empty segment never reaches a route handler (Next.js answers 404 itself), so ids are never empty.
const idLike = () =>
  fc.oneof(
    fc.constantFrom(...seed.projects.map((p) => p.id), ...seed.apiKeys.map((k) => k.id)),
    fc.stringMatching(/^[a-f0-9]{20,28}$/),
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.constantFrom('..', '../..', '%2e%2e%2f', 'a/b', '\u0430'.repeat(24), `${'a'.repeat(23)}\u0000`, '?x=1', ' '),
  );

const roleLike = fc.oneof(
  fc.constantFrom('GROUP_READ_ONLY', 'GROUP_OWNER', 'GROUP_USER_ADMIN', 'ORG_OWNER', 'GROUP_BILLING_ADMIN', 'GLOBAL_OWNER'),
  fc.string({ maxLength: 30 }),
);

const bodyLike = fc.oneof(
  fc.record({ desc: fc.string({ maxLength: 260 }), roles: fc.array(roleLike, { maxLength: 4 }) }, { requiredKeys: [] }),
  fc.record({ roles: fc.array(roleLike, { maxLength: 4 }), expectedRoles: fc.array(roleLike, { maxLength: 3 }) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 3 }),
);

async function expectWellFormed(answer: Response) {
  expect(answer.status, `status ${answer.status}`).toBeLessThan(500);
  if (answer.status >= 400) {
    const body = (await answer.json()) as { error: number; errorCode: string; detail: string; reason: string };
    expect(body).toMatchObject({ error: answer.status, errorCode: expect.any(String), detail: expect.any(String), reason: expect.any(String) });
    if (consoleValidationCodes.has(body.errorCode)) expect(await harness.upstreamRequests()).toEqual([]);
  }
}

describe('every route under arbitrary input', () => {
  it('GET and DELETE of project keys', async () => {
    await fc.assert(
      fc.asyncProperty(idLike(), idLike(), fc.constantFrom('GET', 'DELETE'), async (groupId, apiKeyId, method) => {
        await harness.clearUpstreamRequests();
        const url = method === 'GET' ? `/api/groups/${encodeURIComponent(groupId)}/apiKeys` : `/api/groups/${encodeURIComponent(groupId)}/apiKeys/${encodeURIComponent(apiKeyId)}`;
        await expectWellFormed(await harness.call(method, url, { as: orgOwner }));
      }),
      { numRuns: 120 },
    );
  });

  it('POST and PATCH with arbitrary bodies', async () => {
    await fc.assert(
      fc.asyncProperty(idLike(), idLike(), bodyLike, fc.constantFrom('POST', 'PATCH'), async (groupId, apiKeyId, body, method) => {
        await harness.clearUpstreamRequests();
        const base = `/api/groups/${encodeURIComponent(groupId)}/apiKeys`;
        const url = method === 'POST' ? base : `${base}/${encodeURIComponent(apiKeyId)}`;
        await expectWellFormed(await harness.call(method, url, { as: orgOwner, body }));
      }),
      { numRuns: 150 },
    );
  });

  it('raw bodies that are not JSON', async () => {
    const groupId = seed.projects[0]!.id;
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (rawBody) => {
        await harness.clearUpstreamRequests();
        await expectWellFormed(await harness.call('POST', `/api/groups/${groupId}/apiKeys`, { as: orgOwner, rawBody }));
      }),
      { numRuns: 80 },
    );
  });

  it('arbitrary query strings on the audit, the activity and the org keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('manyProjects', 'manyOwnerKeys', 'manyOrgOwnerKeys', 'groupId', 'actor', 'action', 'outcome', 'from', 'to', 'limit', 'offset', 'format', 'x'), fc.string({ maxLength: 30 }), { maxKeys: 4 }),
        idLike(),
        async (query, orgId) => {
          const qs = new URLSearchParams(query).toString();
          for (const url of ['/api/audit', '/api/activity', `/api/orgs/${encodeURIComponent(orgId)}/apiKeys`]) {
            await harness.clearUpstreamRequests();
            await expectWellFormed(await harness.call('GET', `${url}?${qs}`, { as: orgOwner }));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
