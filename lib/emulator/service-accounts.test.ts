// The service account resources on Atlas v2 and Cloud Manager v1.0: shapes, the roles each needs, secrets, tokens and events.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './server';
import { credentials, fixtureSeed, ids, serviceAccounts } from './testing/fixture-seed';
import { surfaceClient, testSurfaces, type CallApi, type ErrorJson, type PageJson } from './testing/surface-client';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: fixtureSeed() });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST' });
});

interface SecretJson {
  id: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt?: string;
  maskedSecretValue: string;
  secret?: string;
}
interface AccountJson {
  clientId: string;
  name: string;
  description: string;
  createdAt: string;
  roles: string[];
  secrets: SecretJson[];
}

interface AccessListEntryJson {
  cidrBlock: string;
  ipAddress?: string;
  createdAt: string;
  requestCount: number;
  lastUsedAt?: string;
}

const serviceAccountsMediaType = 'application/vnd.atlas.2024-08-05+json';
const surfaces = testSurfaces.filter((s) => s.prefix !== '/api/atlas/v1.0');
const atlasV1 = testSurfaces.find((s) => s.prefix === '/api/atlas/v1.0');

const client = (surface: (typeof testSurfaces)[number], who: keyof typeof credentials): CallApi => {
  const call = surfaceClient(emulator.url, surface, credentials[who]);
  const mediaType = surface.versioned ? serviceAccountsMediaType : 'application/json';
  return (method, path, body, headers = {}) =>
    call(method, path, body, { accept: mediaType, ...(body === undefined ? {} : { 'content-type': mediaType }), ...headers });
};

const token = (clientId: string, secret: string) =>
  fetch(`${emulator.url}/api/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });

const state = (clientId: string) => emulator.snapshot().serviceAccounts?.find((a) => a.clientId === clientId);
const eventTypes = () => (emulator.snapshot().events ?? []).map((e) => `${e.eventTypeName}${e.groupId ? ` ${e.groupId}` : ''}`);

describe.each(surfaces)('service accounts on $name', (surface) => {
  const create = (api: CallApi, body: Record<string, unknown> = {}) =>
    api<AccountJson>('POST', `/groups/${ids.p1}/serviceAccounts`, { name: 'ci deployer', description: 'ships builds', roles: ['GROUP_READ_ONLY'], secretExpiresAfterHours: 24, ...body });

  it('creates an account in the project whose secret is shown in full only in that answer, and a token can be had with it', async () => {
    const owner = client(surface, 'p1Owner');
    const created = await create(owner);
    expect(created.status).toBe(201);
    const { clientId, secrets, roles, name, description } = created.body;
    expect(clientId).toMatch(/^mdb_sa_id_[0-9a-f]{24}$/);
    expect({ roles, name, description }).toEqual({ roles: ['GROUP_READ_ONLY'], name: 'ci deployer', description: 'ships builds' });
    const [secret] = secrets;
    expect(secret?.secret).toMatch(/^mdb_sa_sk_/);
    expect(Date.parse(secret?.expiresAt ?? '') - Date.parse(secret?.createdAt ?? '')).toBe(24 * 3_600_000);
    expect(secret?.maskedSecretValue.endsWith(secret.secret?.slice(-4) ?? '?')).toBe(true);

    const listed = await owner<PageJson<AccountJson>>('GET', `/groups/${ids.p1}/serviceAccounts`);
    const again = listed.body.results.find((a) => a.clientId === clientId);
    expect(again?.secrets[0]).not.toHaveProperty('secret');
    expect(JSON.stringify(listed.body)).not.toContain(secret?.secret);

    expect((await token(clientId, secret?.secret ?? '')).status).toBe(200);
    expect(state(clientId)?.secrets[0]?.lastUsedAt).toBeDefined();
    expect(eventTypes()).toEqual([`SERVICE_ACCOUNT_CREATED`, `SERVICE_ACCOUNT_ADDED_TO_GROUP ${ids.p1}`]);
  });

  it('changes roles, rotates a secret and removes the account from the project, each an event; a deleted secret gets no token', async () => {
    const owner = client(surface, 'p1Owner');
    const { clientId, secrets } = (await create(owner)).body;
    const first = secrets[0];
    const path = `/groups/${ids.p1}/serviceAccounts/${clientId}`;

    const patched = await owner<AccountJson>('PATCH', path, { roles: ['GROUP_OWNER', 'GROUP_READ_ONLY'] });
    expect(patched.status).toBe(200);
    expect(patched.body.roles).toEqual(['GROUP_OWNER', 'GROUP_READ_ONLY']);

    const added = await owner<SecretJson>('POST', `${path}/secrets`, { secretExpiresAfterHours: 48 });
    expect(added.status).toBe(201);
    expect(added.body.secret).toMatch(/^mdb_sa_sk_/);
    expect((await owner('DELETE', `${path}/secrets/${first?.id}`)).status).toBe(204);
    expect((await token(clientId, first?.secret ?? '')).status).toBe(401);
    expect((await token(clientId, added.body.secret ?? '')).status).toBe(200);

    expect((await owner('DELETE', path)).status).toBe(204);
    expect((await owner('GET', path)).status).toBe(404);
    // Removed from the project, not deleted: its secret still gets a token.
    expect((await token(clientId, added.body.secret ?? '')).status).toBe(200);
    expect(eventTypes().slice(2)).toEqual([
      `SERVICE_ACCOUNT_ROLES_CHANGED ${ids.p1}`,
      `SERVICE_ACCOUNT_SECRET_ADDED ${ids.p1}`,
      `SERVICE_ACCOUNT_SECRET_DELETED ${ids.p1}`,
      `SERVICE_ACCOUNT_REMOVED_FROM_GROUP ${ids.p1}`,
    ]);
  });

  it('needs Project Owner to change accounts and Organization Owner to invite one; a reader reads', async () => {
    const userAdmin = client(surface, 'p1UserAdmin');
    expect((await create(userAdmin)).body).toMatchObject({ errorCode: 'USER_UNAUTHORIZED' });
    const reader = client(surface, 'p1Reader');
    const listed = await reader<PageJson<AccountJson>>('GET', `/groups/${ids.p1}/serviceAccounts`);
    expect(listed.body.results.map((a) => a.clientId)).toEqual([serviceAccounts.reader.clientId]);

    const invite = (api: CallApi) => api<AccountJson>('POST', `/groups/${ids.p2}/serviceAccounts/${serviceAccounts.reader.clientId}:invite`, { roles: ['GROUP_READ_ONLY'] });
    expect((await invite(client(surface, 'p1Owner'))).status).toBe(401);
    const invited = await invite(client(surface, 'console'));
    expect(invited.status).toBe(200);
    expect(invited.body.roles).toEqual(['GROUP_READ_ONLY']);
    expect((await invite(client(surface, 'console'))).body).toMatchObject({ errorCode: 'SERVICE_ACCOUNT_ALREADY_IN_GROUP' });

    const groups = await client(surface, 'orgReader')<PageJson<{ groupId: string; roles: string[] }>>(
      'GET',
      `/orgs/${ids.org}/serviceAccounts/${serviceAccounts.reader.clientId}/groups`,
    );
    expect(groups.body.results).toEqual([
      { groupId: ids.p1, roles: ['GROUP_READ_ONLY'] },
      { groupId: ids.p2, roles: ['GROUP_READ_ONLY'] },
    ]);
    expect((await client(surface, 'member')('GET', `/orgs/${ids.org}/serviceAccounts`)).status).toBe(401);
  });

  it('refuses a lifetime outside 8 hours..the organization maximum, no roles, a bad name and an unknown secret', async () => {
    const owner = client(surface, 'p1Owner');
    for (const hours of [7, 8761, 1.5, '24']) {
      expect((await create(owner, { secretExpiresAfterHours: hours })).body).toMatchObject({ errorCode: 'INVALID_SECRET_EXPIRATION' });
    }
    expect((await create(owner, { roles: [] })).body).toMatchObject({ errorCode: 'MISSING_SERVICE_ACCOUNT_ROLES' });
    expect((await create(owner, { name: 'semi;colon' })).body).toMatchObject({ errorCode: 'VALIDATION_ERROR' });
    const unknown = await owner<ErrorJson>('DELETE', `/groups/${ids.p1}/serviceAccounts/${serviceAccounts.reader.clientId}/secrets/ffffffffffffffffffffffff`);
    expect(unknown.body.errorCode).toBe('SERVICE_ACCOUNT_SECRET_NOT_FOUND');
  });
});

describe.each(surfaces)('a service account access list on $name', (surface) => {
  const path = (groupId: string) => `/groups/${groupId}/serviceAccounts/${serviceAccounts.reader.clientId}/accessList`;

  it('is read with any role in the project and changed by a key manager, entry by entry, each change an event', async () => {
    const reader = client(surface, 'p1Reader');
    expect((await reader<PageJson<AccessListEntryJson>>('GET', path(ids.p1))).body).toMatchObject({ results: [], totalCount: 0 });
    expect((await reader('POST', path(ids.p1), [{ ipAddress: '10.0.0.1' }])).body).toMatchObject({ errorCode: 'USER_UNAUTHORIZED' });

    const manager = client(surface, 'p1UserAdmin');
    const added = await manager<PageJson<AccessListEntryJson>>('POST', path(ids.p1), [{ ipAddress: '10.0.0.1' }, { cidrBlock: '192.168.0.0/16' }, { ipAddress: '10.0.0.1' }]);
    expect(added.status).toBe(200);
    expect(added.body.results.map((e) => [e.cidrBlock, e.ipAddress, e.requestCount])).toEqual([
      ['10.0.0.1/32', '10.0.0.1', 0],
      ['192.168.0.0/16', undefined, 0],
    ]);
    expect((await reader<PageJson<AccessListEntryJson>>('GET', path(ids.p1))).body.totalCount).toBe(2);

    expect((await manager('DELETE', `${path(ids.p1)}/192.168.0.0%2F16`)).status).toBe(204);
    expect((await manager('DELETE', `${path(ids.p1)}/192.168.0.0%2F16`)).body).toMatchObject({ errorCode: 'RESOURCE_NOT_FOUND' });
    expect((await manager('DELETE', `${path(ids.p1)}/10.0.0.1`)).status).toBe(204);
    expect(state(serviceAccounts.reader.clientId)?.accessList).toEqual([]);
    const change = (kind: string) => `SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_${kind} ${ids.p1}`;
    expect(eventTypes()).toEqual([change('ADDED'), change('ADDED'), change('DELETED'), change('DELETED')]);
  });

  it('refuses entries that are not one address or one block, more than 200, and an account outside the project', async () => {
    const owner = client(surface, 'console');
    const bad = [
      [{ ipAddress: '10.0.0.0/8' }],
      [{ cidrBlock: '10.0.0.1' }],
      [{ ipAddress: '10.0.0.1', cidrBlock: '10.0.0.0/8' }],
      [{ ipAddress: '999.1.1.1' }],
      [{ cidrBlock: '10.0.0.0/33' }],
      [{ ipAddress: '10.0.0.2', requestCount: 5 }],
      [{}],
      { ipAddress: '10.0.0.2' },
      Array.from({ length: 201 }, (_, i) => ({ ipAddress: `10.0.${Math.floor(i / 200)}.${i % 200}` })),
    ];
    for (const body of bad) expect((await owner('POST', path(ids.p1), body)).body, JSON.stringify(body).slice(0, 80)).toMatchObject({ errorCode: 'VALIDATION_ERROR' });
    expect((await owner('DELETE', `${path(ids.p1)}/not-an-address`)).body).toMatchObject({ errorCode: 'VALIDATION_ERROR' });
    expect((await owner('GET', path(ids.p2))).body).toMatchObject({ errorCode: 'SERVICE_ACCOUNT_NOT_FOUND' });
    expect(state(serviceAccounts.reader.clientId)?.accessList).toBeUndefined();
  });
});

describe.each(surfaces)("a service account access list through its organization on $name", (surface) => {
  const orgPath = (clientId: string, orgId: string = ids.org) => `/orgs/${orgId}/serviceAccounts/${clientId}/accessList`;

  it('is read with Organization Read Only and changed by an Organization Owner, for an account in no project too', async () => {
    const reader = client(surface, 'orgReader');
    const owner = client(surface, 'console');
    const inNoProject = serviceAccounts.owner.clientId;
    expect((await reader<PageJson<AccessListEntryJson>>('GET', orgPath(inNoProject))).body).toMatchObject({ results: [], totalCount: 0 });
    expect((await reader('POST', orgPath(inNoProject), [{ ipAddress: '10.0.0.1' }])).body).toMatchObject({ errorCode: 'USER_UNAUTHORIZED' });

    const added = await owner<PageJson<AccessListEntryJson>>('POST', orgPath(inNoProject), [{ ipAddress: '10.0.0.1' }, { cidrBlock: '192.168.0.0/16' }]);
    expect(added.status).toBe(200);
    expect(added.body.results.map((e) => [e.cidrBlock, e.ipAddress])).toEqual([
      ['10.0.0.1/32', '10.0.0.1'],
      ['192.168.0.0/16', undefined],
    ]);
    const paged = await reader<PageJson<AccessListEntryJson>>('GET', `${orgPath(inNoProject)}?itemsPerPage=1&pageNum=2&includeCount=false`);
    expect(paged.body.results.map((e) => e.cidrBlock)).toEqual(['192.168.0.0/16']);
    expect(paged.body.totalCount).toBeUndefined();
    expect((await reader('GET', `${orgPath(inNoProject)}?itemsPerPage=0`)).body).toMatchObject({ errorCode: 'VALIDATION_ERROR' });

    expect((await reader('DELETE', `${orgPath(inNoProject)}/10.0.0.1`)).body).toMatchObject({ errorCode: 'USER_UNAUTHORIZED' });
    expect((await owner('DELETE', `${orgPath(inNoProject)}/192.168.0.0%2F16`)).status).toBe(204);
    expect((await owner('DELETE', `${orgPath(inNoProject)}/192.168.0.0%2F16`)).body).toMatchObject({ errorCode: 'RESOURCE_NOT_FOUND' });
    expect((await owner('DELETE', `${orgPath(inNoProject)}/not-an-address`)).body).toMatchObject({ errorCode: 'VALIDATION_ERROR' });
    expect(state(inNoProject)?.accessList?.map((e) => e.cidrBlock)).toEqual(['10.0.0.1/32']);
    // The organization's changes are the organization's events, not a project's.
    const change = (kind: string) => `SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_${kind}`;
    expect(eventTypes()).toEqual([change('ADDED'), change('ADDED'), change('DELETED')]);
  });

  it('is the same list as the one read through a project the account is in', async () => {
    const owner = client(surface, 'console');
    const account = serviceAccounts.reader.clientId;
    await owner('POST', orgPath(account), [{ ipAddress: '10.0.0.7' }]);
    const throughProject = await owner<PageJson<AccessListEntryJson>>('GET', `/groups/${ids.p1}/serviceAccounts/${account}/accessList`);
    expect(throughProject.body.results.map((e) => e.cidrBlock)).toEqual(['10.0.0.7/32']);
    expect((await owner('DELETE', `/groups/${ids.p1}/serviceAccounts/${account}/accessList/10.0.0.7`)).status).toBe(204);
    expect((await owner<PageJson<AccessListEntryJson>>('GET', orgPath(account))).body.results).toEqual([]);
  });

  it('refuses a project member without an organization-wide role, an unknown account, another organization and bad entries', async () => {
    expect((await client(surface, 'p1Owner')('GET', orgPath(serviceAccounts.reader.clientId))).body).toMatchObject({ errorCode: 'USER_UNAUTHORIZED' });
    const owner = client(surface, 'console');
    expect((await owner('GET', orgPath(`mdb_sa_id_${'f'.repeat(24)}`))).body).toMatchObject({ errorCode: 'SERVICE_ACCOUNT_NOT_FOUND' });
    expect((await owner('GET', orgPath(serviceAccounts.reader.clientId, ids.otherOrg))).body).toMatchObject({ errorCode: 'USER_UNAUTHORIZED' });
    for (const body of [[{ ipAddress: '10.0.0.0/8' }], { ipAddress: '10.0.0.2' }, [{ ipAddress: '10.0.0.2', createdAt: '2025-01-01T00:00:00Z' }]]) {
      expect((await owner('POST', orgPath(serviceAccounts.reader.clientId), body)).body).toMatchObject({ errorCode: 'VALIDATION_ERROR' });
    }
    expect(state(serviceAccounts.reader.clientId)?.accessList).toBeUndefined();
  });
});

describe('where service accounts do not exist', () => {
  it('Atlas v1.0 has no service account resources', async () => {
    if (!atlasV1) throw new Error('the emulator serves Atlas v1.0');
    expect((await client(atlasV1, 'console')('GET', `/groups/${ids.p1}/serviceAccounts`)).status).toBe(404);
    expect((await client(atlasV1, 'console')('GET', `/orgs/${ids.org}/serviceAccounts/${serviceAccounts.reader.clientId}/accessList`)).status).toBe(404);
  });

  it('v2 wants the 2024-08-05 media type or later for them', async () => {
    const v2 = testSurfaces.find((s) => s.versioned);
    if (!v2) throw new Error('the emulator serves v2');
    const old = await surfaceClient(emulator.url, v2, credentials.console)<ErrorJson>('GET', `/groups/${ids.p1}/serviceAccounts`);
    expect(old.body.errorCode).toBe('INVALID_VERSION_DATE');
    const oldOrgList = await surfaceClient(emulator.url, v2, credentials.console)<ErrorJson>('GET', `/orgs/${ids.org}/serviceAccounts/${serviceAccounts.reader.clientId}/accessList`);
    expect(oldOrgList.status).toBe(406);
  });
});

describe('the token endpoint and secret lifetimes', () => {
  it('refuses an expired secret', async () => {
    const seed = fixtureSeed();
    const account = seed.serviceAccounts?.[1];
    const secret = account?.secrets[0];
    if (!account || !secret) throw new Error('the fixture has a reader account');
    secret.expiresAt = '2020-01-01T00:00:00Z';
    const expired = await startEmulator({ seed });
    try {
      const answer = await fetch(`${expired.url}/api/oauth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${account.clientId}:${secret.secret}`).toString('base64')}` },
        body: 'grant_type=client_credentials',
      });
      expect(answer.status).toBe(401);
    } finally {
      await expired.close();
    }
  });
});
