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
  'CROSS_SITE_REQUEST',
  'MISDIRECTED_REQUEST',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
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

/** C0, C1, DEL and the line separators, alone or inside ordinary text. */
const controlChar = fc.constantFrom('\u0000', '\u0007', '\b', '\t', '\n', '\r', '\u001b', '\u001b[2J', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029');
const withControl = fc.tuple(fc.string({ maxLength: 20 }), controlChar, fc.string({ maxLength: 20 })).map(([a, c, b]) => `${a}${c}${b}`);

/** Text of 245–255 UTF-16 code units made of astral-plane characters (two units each) and some BMP ones. */
const nearLimitAstral = fc
  .tuple(fc.integer({ min: 118, max: 127 }), fc.integer({ min: 0, max: 10 }), fc.constantFrom('😀', '𝄞', '🀄', '𠀋'))
  .map(([astral, bmp, char]) => char.repeat(astral) + 'x'.repeat(bmp))
  .filter((text) => text.length >= 245 && text.length <= 255);

const queryNames = ['manyProjects', 'manyOwnerKeys', 'manyOrgOwnerKeys', 'unusedDays', 'groupId', 'actor', 'action', 'outcome', 'origin', 'from', 'to', 'limit', 'offset', 'format', 'x'];
const queryRoutes = (orgId: string) => ['/api/audit', '/api/activity', `/api/orgs/${orgId}/apiKeys`];

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

  it('every method on the service account, usage, review and project routes, with arbitrary ids and bodies', async () => {
    const accounts = seed.serviceAccounts ?? [];
    const account = accounts[0]!;
    const clientIdLike = fc.oneof(fc.constantFrom(...accounts.map((a) => a.clientId)), fc.stringMatching(/^mdb_sa_id_[a-f0-9]{24}$/), idLike());
    const secretIdLike = fc.oneof(fc.constantFrom(...account.secrets.map((s) => s.id)), idLike());
    const accountBody = fc.oneof(
      fc.record(
        { name: fc.string({ maxLength: 70 }), description: fc.string({ maxLength: 260 }), roles: fc.array(roleLike, { maxLength: 3 }), secretExpiresAfterHours: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 5 })) },
        { requiredKeys: [] },
      ),
      fc.record({ note: fc.oneof(fc.string({ maxLength: 1100 }), fc.integer()) }, { requiredKeys: [] }),
      bodyLike,
    );
    const routes = [
      '/api/groups',
      '/api/groups/{g}/keyUsage',
      '/api/groups/{g}/serviceAccounts',
      '/api/groups/{g}/serviceAccounts/{c}',
      '/api/groups/{g}/serviceAccounts/{c}/invite',
      '/api/groups/{g}/serviceAccounts/{c}/secrets',
      '/api/groups/{g}/serviceAccounts/{c}/secrets/{s}',
      '/api/orgs/{g}/serviceAccounts',
      '/api/audit/reviews',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        idLike(),
        clientIdLike,
        secretIdLike,
        fc.option(accountBody, { nil: undefined }),
        async (route, method, groupId, clientId, secretId, body) => {
          await harness.clearUpstreamRequests();
          const url = route.replace('{g}', encodeURIComponent(groupId)).replace('{c}', encodeURIComponent(clientId)).replace('{s}', encodeURIComponent(secretId));
          await expectWellFormed(await harness.call(method, url, { as: orgOwner, ...(method === 'GET' || body === undefined ? {} : { body }) }));
        },
      ),
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

  // Blank values are where a route's schema and a lower layer's have disagreed (a blank actor was a 500): every one, always.
  it('a blank or white-space value of each query parameter on the audit, the activity and the org keys', async () => {
    for (const name of queryNames)
      for (const value of ['', '  '])
        for (const url of queryRoutes(seed.projects[0]!.orgId)) {
          await harness.clearUpstreamRequests();
          await expectWellFormed(await harness.call('GET', `${url}?${new URLSearchParams({ [name]: value }).toString()}`, { as: orgOwner }));
        }
  });

  it('arbitrary query strings on the audit, the activity and the org keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...queryNames), fc.string({ maxLength: 30 }), { maxKeys: 4 }),
        idLike(),
        async (query, orgId) => {
          const qs = new URLSearchParams(query).toString();
          for (const url of queryRoutes(encodeURIComponent(orgId))) {
            await harness.clearUpstreamRequests();
            await expectWellFormed(await harness.call('GET', `${url}?${qs}`, { as: orgOwner }));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('control characters in every free-text field and query value', async () => {
    const groupId = seed.projects[0]!.id;
    await fc.assert(
      fc.asyncProperty(withControl, fc.constantFrom('desc', 'roles', 'actor', 'from', 'manyProjects', 'format'), async (text, field) => {
        await harness.clearUpstreamRequests();
        const answer =
          field === 'desc' || field === 'roles'
            ? await harness.call('POST', `/api/groups/${groupId}/apiKeys`, { as: orgOwner, body: field === 'desc' ? { desc: text, roles: ['GROUP_READ_ONLY'] } : { desc: 'x', roles: [text] } })
            : await harness.call('GET', `/${field === 'manyProjects' ? 'api/audit' : 'api/activity'}?${new URLSearchParams({ [field]: text }).toString()}`, { as: orgOwner });
        expect(answer.status).toBe(400);
        await expectWellFormed(answer);
      }),
      { numRuns: 80 },
    );
  });

  it('astral-plane descriptions near the 250-unit limit: accepted exactly when the upstream would accept them', async () => {
    const groupId = seed.projects[0]!.id;
    await fc.assert(
      fc.asyncProperty(nearLimitAstral, async (desc) => {
        await harness.clearUpstreamRequests();
        const answer = await harness.call('POST', `/api/groups/${groupId}/apiKeys`, { as: orgOwner, body: { desc, roles: ['GROUP_READ_ONLY'] } });
        expect(answer.status, `${desc.length} units`).toBe(desc.length <= 250 ? 200 : 400);
        await expectWellFormed(answer);
      }),
      { numRuns: 30 },
    );
  });

  it('header combinations for the same-site check: only a same-origin write reaches the upstream', async () => {
    const groupId = seed.projects[0]!.id;
    const own = 'http://localhost:3000';
    const headerSets = fc.record(
      {
        origin: fc.constantFrom(own, 'http://localhost:3001', 'https://localhost:3000', 'http://127.0.0.1:3000', 'https://evil.example', 'null', '', 'http://[', own + '/'),
        'sec-fetch-site': fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none', '', 'SAME-ORIGIN'),
        'x-forwarded-host': fc.constantFrom('localhost:3000', 'evil.example', ''),
        'x-forwarded-proto': fc.constantFrom('http', 'https', ''),
        host: fc.constantFrom('localhost:3000', '127.0.0.1:3000', 'evil.example', 'localhost:3000.evil.example'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(headerSets, async (headers) => {
        await harness.clearUpstreamRequests();
        // An unassigned key: a write that gets through is answered 404 by the console after its one read.
        const answer = await harness.call('DELETE', `/api/groups/${groupId}/apiKeys/${'a'.repeat(24)}`, { as: orgOwner, headers, sameSite: false });
        const host = headers.host ?? 'localhost:3000';
        const loopback = host === 'localhost:3000' || host === '127.0.0.1:3000';
        const site = headers['sec-fetch-site'];
        const origin = headers.origin;
        const originOf = (value: string) => (URL.canParse(value) ? new URL(value).origin : undefined);
        const sameSite = (site || origin) && (!site || site === 'same-origin') && (!origin || originOf(origin) === `http://${host}`);
        if (!loopback) expect(answer.status).toBe(421);
        else if (!sameSite) expect(answer.status).toBe(403);
        else expect(answer.status).not.toBe(403);
        await expectWellFormed(answer);
      }),
      { numRuns: 120 },
    );
  });
});
