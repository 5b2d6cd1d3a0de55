// Contract tests of the read endpoints around the Admin API's key operations (orgs, projects, org keys, access lists, users) on every surface.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureEmulatorForFile } from './testing/fixture-emulator';
import { credentials, ids, keyIds } from './testing/fixture-seed';
import { DigestClient } from './testing/digest-fetch';
import { consoleClient, surfaceClient, testSurfaces, v2Accept, type ErrorJson, type KeyJson, type NamedJson, type PageJson } from './testing/surface-client';

const emulator = fixtureEmulatorForFile();

type Named = NamedJson & { orgId?: string };

describe.each(testSurfaces)('reads on $name', (surface) => {
  const api = consoleClient(emulator, surface);
  let base: string;
  beforeAll(() => {
    base = `${emulator.url}${surface.prefix}`;
  });
  const errorCode = async (path: string) => {
    const answer = await api<ErrorJson>('GET', path);
    return [answer.status, answer.body.errorCode];
  };

  it('GET /orgs/{orgId} answers one organization, or the upstream errors', async () => {
    const answer = await api<Named>('GET', `/orgs/${ids.org}`);
    expect(answer.body).toMatchObject({ id: ids.org, name: 'Fixture Org' });
    expect(await errorCode(`/orgs/${'f'.repeat(24)}`)).toEqual([404, 'ORG_NOT_FOUND']);
    expect(await errorCode(`/orgs/${ids.otherOrg}`)).toEqual([401, 'USER_UNAUTHORIZED']);
    expect(await errorCode('/orgs/not-an-id')).toEqual(surface.versioned ? [400, 'PATH_PARAM_PARSE_ERROR'] : [404, 'ORG_NOT_FOUND']);
  });

  it('GET /orgs/{orgId}/groups lists the organization projects', async () => {
    const answer = await api<PageJson<Named>>('GET', `/orgs/${ids.org}/groups`);
    expect(answer.body.totalCount).toBe(3);
    expect(answer.body.results[0]).toEqual({
      clusterCount: 0,
      // When the id was made, as an ObjectId says.
      created: new Date(Number.parseInt(ids.p1.slice(0, 8), 16) * 1000).toISOString().replace('.000Z', 'Z'),
      id: ids.p1,
      links: [{ href: `${base}/groups/${ids.p1}`, rel: 'self' }],
      name: 'Project One',
      orgId: ids.org,
    });
  });

  it('GET /groups/{groupId} answers one project the caller can see', async () => {
    const one = await api<Named>('GET', `/groups/${ids.p2}`);
    expect(one.body).toMatchObject({ id: ids.p2, name: 'Project Two', orgId: ids.org });
    expect(await errorCode(`/groups/${'f'.repeat(24)}`)).toEqual([404, 'GROUP_NOT_FOUND']);
    const reader = surfaceClient(emulator.url, surface, credentials.p1Reader);
    expect((await reader('GET', `/groups/${ids.p1}`)).status).toBe(200);
    expect((await reader<ErrorJson>('GET', `/groups/${ids.p2}`)).body.errorCode).toBe('NOT_IN_GROUP');
  });

  it('GET /orgs/{orgId}/apiKeys lists every key of the organization with all its roles', async () => {
    const answer = await api<PageJson<KeyJson>>('GET', `/orgs/${ids.org}/apiKeys`);
    expect(answer.body.totalCount).toBe(8);
    expect(answer.body.results.map((k) => k.id)).not.toContain(keyIds.stranger);
    const multi = answer.body.results.find((k) => k.id === keyIds.multi);
    expect(multi?.roles).toHaveLength(3);
    for (const key of answer.body.results) expect(key.privateKey).toMatch(/^\*{8}-\*{4}-\*{4}-[0-9a-f]{12}$/);
  });

  it('GET /orgs/{orgId}/apiKeys/{apiKeyId} answers one key, never one of another organization', async () => {
    const answer = await api<KeyJson>('GET', `/orgs/${ids.org}/apiKeys/${keyIds.spare}`);
    expect(answer.body).toMatchObject({ id: keyIds.spare, publicKey: credentials.spare.publicKey, roles: [{ orgId: ids.org, roleName: 'ORG_MEMBER' }] });
    expect(await errorCode(`/orgs/${ids.org}/apiKeys/${keyIds.stranger}`)).toEqual([400, 'API_KEY_NOT_FOUND']);
    expect(await errorCode(`/orgs/${ids.org}/apiKeys/${'e'.repeat(24)}`)).toEqual([400, 'API_KEY_NOT_FOUND']);
  });

  it('GET …/apiKeys/{apiKeyId}/accessList answers the seeded entries, or none', async () => {
    const answer = await api<PageJson<Record<string, unknown>>>('GET', `/orgs/${ids.org}/apiKeys/${keyIds.multi}/accessList`);
    expect(answer.body.totalCount).toBe(1);
    expect(answer.body.results[0]).toEqual({
      cidrBlock: '10.1.2.3/32',
      count: 7,
      created: '2025-01-01T00:00:00Z',
      ipAddress: '10.1.2.3',
      lastUsed: '2025-06-01T12:00:00Z',
      lastUsedAddress: '10.1.2.3',
      links: [{ href: `${base}/orgs/${ids.org}/apiKeys/${keyIds.multi}/accessList/10.1.2.3`, rel: 'self' }],
    });
    const none = await api<PageJson<unknown>>('GET', `/orgs/${ids.org}/apiKeys/${keyIds.spare}/accessList`);
    expect(none.body).toMatchObject({ results: [], totalCount: 0 });
  });

  it('GET /groups/{groupId}/users and /orgs/{orgId}/users list people with all their roles', async () => {
    const inProject = await api<PageJson<{ emailAddress: string; roles: unknown[] }>>('GET', `/groups/${ids.p1}/users`);
    expect(inProject.body.totalCount).toBe(1);
    expect(inProject.body.results[0]).toMatchObject({
      emailAddress: 'owner@demo.test',
      username: 'owner@demo.test',
      firstName: 'Olivia',
      roles: [
        { groupId: ids.p1, roleName: 'GROUP_OWNER' },
        { groupId: ids.p2, roleName: 'GROUP_READ_ONLY' },
        { orgId: ids.org, roleName: 'ORG_MEMBER' },
      ],
    });
    const inOrg = await api<PageJson<{ emailAddress: string }>>('GET', `/orgs/${ids.org}/users`);
    expect(inOrg.body.results.map((u) => u.emailAddress)).toEqual(['owner@demo.test', 'member@demo.test']);
    const one = await api<PageJson<unknown>>('GET', `/orgs/${ids.org}/users?username=MEMBER@demo.test`);
    expect(one.body.totalCount).toBe(1);
  });

  it('pretty=true indents, envelope=true wraps the answer in {content, status} with 200', async () => {
    const client = new DigestClient(credentials.console);
    const headers = { accept: surface.versioned ? v2Accept : 'application/json' };
    const compact = await (await client.fetch(`${base}/orgs/${ids.org}`, { headers })).text();
    const pretty = await (await client.fetch(`${base}/orgs/${ids.org}?pretty=true`, { headers })).text();
    expect(compact).not.toContain('\n');
    expect(pretty).toContain('\n  "id"');
    expect(JSON.parse(pretty)).toEqual(JSON.parse(compact));
    const enveloped = await api<{ content: ErrorJson; status: number }>('GET', `/groups/${'f'.repeat(24)}?envelope=true`);
    expect(enveloped.status).toBe(200);
    expect(enveloped.body).toMatchObject({ status: 404, content: { errorCode: 'GROUP_NOT_FOUND' } });
  });
});

describe('Atlas v2 user lists from version 2025-02-19', () => {
  const newer = 'application/vnd.atlas.2025-02-19+json';
  const api = consoleClient(emulator, testSurfaces[2]!);

  it('project users carry orgMembershipStatus and this project roles as plain names; ?username= narrows', async () => {
    const answer = await api<PageJson<unknown>>('GET', `/groups/${ids.p1}/users?username=owner@demo.test`, undefined, { accept: newer });
    expect(answer.headers.get('content-type')).toBe(newer);
    expect(answer.body.results).toEqual([
      {
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        firstName: 'Olivia',
        id: expect.any(String),
        lastName: 'Park',
        orgMembershipStatus: 'ACTIVE',
        roles: ['GROUP_OWNER'],
        username: 'owner@demo.test',
      },
    ]);
  });

  it('organization users carry org roles and project role assignments', async () => {
    const answer = await api<PageJson<{ username: string; roles: unknown }>>('GET', `/orgs/${ids.org}/users`, undefined, { accept: newer });
    expect(answer.body.results.find((u) => u.username === 'owner@demo.test')?.roles).toEqual({
      orgRoles: ['ORG_MEMBER'],
      groupRoleAssignments: [
        { groupId: ids.p1, groupRoles: ['GROUP_OWNER'] },
        { groupId: ids.p2, groupRoles: ['GROUP_READ_ONLY'] },
      ],
    });
  });
});
