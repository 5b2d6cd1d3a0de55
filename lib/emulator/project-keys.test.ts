// Contract tests of the Admin API's five project-key operations and their errors, on every surface.
import { describe, expect, it } from 'vitest';
import { fixtureEmulatorForFile } from './testing/fixture-emulator';
import { credentials, fixtureSeed, ids, keyIds, type KeyName } from './testing/fixture-seed';
import { consoleClient, testSurfaces, v2Accept, type ErrorJson, type KeyJson, type PageJson } from './testing/surface-client';

const emulator = fixtureEmulatorForFile();

const redacted = /^\*{8}-\*{4}-\*{4}-[0-9a-f]{12}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function expectError(answer: { status: number; body: unknown }, status: number, errorCode: string) {
  expect(answer.status).toBe(status);
  const body = answer.body as ErrorJson;
  expect(Object.keys(body).sort()).toEqual(['detail', 'error', 'errorCode', 'parameters', 'reason']);
  expect(body).toMatchObject({ error: status, errorCode, detail: expect.any(String), parameters: expect.any(Array), reason: expect.any(String) });
}

const stateKey = (name: KeyName) => emulator.snapshot().apiKeys.find((k) => k.id === keyIds[name]);
const rolesIn = (name: KeyName, groupId: string) =>
  (stateKey(name)?.roles ?? []).filter((r) => r.groupId === groupId).map((r) => r.roleName).sort();

describe.each(testSurfaces)('project API keys on $name', (surface) => {
  const api = consoleClient(emulator, surface);

  it('lists the keys of a project, each with all its roles and a redacted private key', async () => {
    const answer = await api<PageJson<KeyJson>>('GET', `/groups/${ids.p1}/apiKeys`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(surface.versioned ? v2Accept : 'application/json');
    const { results, totalCount, links } = answer.body;
    expect(totalCount).toBe(4);
    expect(results.map((k) => k.id).sort()).toEqual([keyIds.p1Owner, keyIds.p1UserAdmin, keyIds.p1Reader, keyIds.multi].sort());
    expect(links).toEqual([{ href: `${emulator.url}${surface.prefix}/groups/${ids.p1}/apiKeys?pageNum=1&itemsPerPage=100`, rel: 'self' }]);
    const multi = results.find((k) => k.id === keyIds.multi);
    expect(multi).toEqual({
      desc: 'fixture key multi',
      id: keyIds.multi,
      links: [{ href: `${emulator.url}${surface.prefix}/orgs/${ids.org}/apiKeys/${keyIds.multi}`, rel: 'self' }],
      privateKey: `********-****-****-${credentials.multi.privateKey.slice(-12)}`,
      publicKey: credentials.multi.publicKey,
      roles: [
        { groupId: ids.p1, roleName: 'GROUP_READ_ONLY' },
        { groupId: ids.p2, roleName: 'GROUP_DATA_ACCESS_READ_WRITE' },
        { orgId: ids.org, roleName: 'ORG_BILLING_ADMIN' },
      ],
    });
    for (const key of results) expect(key.privateKey).toMatch(redacted);
  });

  it('creates a key in the project and shows its private key in full only in that answer', async () => {
    const answer = await api<KeyJson>('POST', `/groups/${ids.p1}/apiKeys`, { desc: 'New key', roles: ['GROUP_READ_ONLY', surface.grantable] });
    expect(answer.status).toBe(200);
    const key = answer.body;
    expect(key.id).toMatch(/^[0-9a-f]{24}$/);
    expect(key.publicKey).toMatch(/^[a-z]{8}$/);
    expect(key.privateKey).toMatch(uuid);
    expect(key.desc).toBe('New key');
    expect(key.roles).toEqual([surface.grantable, 'GROUP_READ_ONLY'].sort().map((roleName) => ({ groupId: ids.p1, roleName })));
    const listed = await api<PageJson<KeyJson>>('GET', `/groups/${ids.p1}/apiKeys`);
    const again = listed.body.results.find((k) => k.id === key.id);
    expect(again?.privateKey).toBe(`********-****-****-${key.privateKey.slice(-12)}`);
    expect(listed.body.totalCount).toBe(5);
  });

  it('assigns an organization key that is in no project yet (v2: 204 without a body, as addGroupApiKey is specified)', async () => {
    if (surface.versioned) {
      const assigned = await api('POST', `/groups/${ids.p1}/apiKeys/${keyIds.spare}`, [{ roles: ['GROUP_READ_ONLY', surface.grantable] }]);
      expect(assigned.status).toBe(204);
      expect(assigned.body).toBeUndefined();
    }
    const answer = surface.versioned
      ? await api<KeyJson>('GET', `/orgs/${ids.org}/apiKeys/${keyIds.spare}`)
      : await api<KeyJson>('PATCH', `/groups/${ids.p1}/apiKeys/${keyIds.spare}`, { roles: ['GROUP_READ_ONLY', surface.grantable] });
    expect(answer.status).toBe(200);
    expect(answer.body.privateKey).toMatch(redacted);
    expect(answer.body.roles).toEqual([
      ...[surface.grantable, 'GROUP_READ_ONLY'].sort().map((roleName) => ({ groupId: ids.p1, roleName })),
      { orgId: ids.org, roleName: 'ORG_MEMBER' },
    ]);
    expect(rolesIn('spare', ids.p1)).toEqual([surface.grantable, 'GROUP_READ_ONLY'].sort());
  });

  it('replaces the whole role set in the project and leaves other projects and the organization alone', async () => {
    const answer = await api<KeyJson>('PATCH', `/groups/${ids.p1}/apiKeys/${keyIds.multi}`, {
      roles: ['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_OWNER'],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.roles).toEqual([
      { groupId: ids.p2, roleName: 'GROUP_DATA_ACCESS_READ_WRITE' },
      { groupId: ids.p1, roleName: 'GROUP_DATA_ACCESS_READ_ONLY' },
      { groupId: ids.p1, roleName: 'GROUP_OWNER' },
      { orgId: ids.org, roleName: 'ORG_BILLING_ADMIN' },
    ]);
    expect(rolesIn('multi', ids.p1)).toEqual(['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_OWNER']);
    expect(rolesIn('multi', ids.p2)).toEqual(['GROUP_DATA_ACCESS_READ_WRITE']);
  });

  it('unassigns a key: it leaves the project and keeps its other roles in the organization', async () => {
    const answer = await api('DELETE', `/groups/${ids.p1}/apiKeys/${keyIds.multi}`);
    expect(answer.status).toBe(204);
    expect(answer.body).toBeUndefined();
    const list = await api<PageJson<KeyJson>>('GET', `/groups/${ids.p1}/apiKeys`);
    expect(list.body.results.map((k) => k.id)).not.toContain(keyIds.multi);
    const orgKey = await api<KeyJson>('GET', `/orgs/${ids.org}/apiKeys/${keyIds.multi}`);
    expect(orgKey.body.roles).toEqual([
      { groupId: ids.p2, roleName: 'GROUP_DATA_ACCESS_READ_WRITE' },
      { orgId: ids.org, roleName: 'ORG_BILLING_ADMIN' },
    ]);
  });

  it('accepts a body sent with the versioned media type or plain JSON', async () => {
    for (const contentType of ['application/json', v2Accept]) {
      const answer = await api('POST', `/groups/${ids.p2}/apiKeys`, { desc: contentType, roles: ['GROUP_READ_ONLY'] }, { 'content-type': contentType });
      expect(answer.status).toBe(200);
    }
  });

  describe('refuses bad bodies before changing anything', () => {
    const create = (body: unknown) => api('POST', `/groups/${ids.p1}/apiKeys`, body);

    it.each([
      ['an empty desc', { desc: '', roles: ['GROUP_READ_ONLY'] }],
      ['a blank desc', { desc: '   ', roles: ['GROUP_READ_ONLY'] }],
      ['a desc of 251 characters', { desc: 'x'.repeat(251), roles: ['GROUP_READ_ONLY'] }],
      ['no desc', { roles: ['GROUP_READ_ONLY'] }],
      ['a desc that is not text', { desc: 42, roles: ['GROUP_READ_ONLY'] }],
    ])('INVALID_API_KEY_DESC for %s', async (_, body) => {
      expectError(await create(body), 400, 'INVALID_API_KEY_DESC');
    });

    it('accepts a desc of exactly 250 characters', async () => {
      expect((await create({ desc: 'x'.repeat(250), roles: ['GROUP_READ_ONLY'] })).status).toBe(200);
    });

    it.each([
      ['no roles', { desc: 'k' }],
      ['an empty role list', { desc: 'k', roles: [] }],
    ])('MISSING_API_KEY_ROLES for %s', async (_, body) => {
      expectError(await create(body), 400, 'MISSING_API_KEY_ROLES');
    });

    it('INVALID_ROLE_FOR_GROUP for a role outside the surface catalog or unknown', async () => {
      expectError(await create({ desc: 'k', roles: ['GROUP_READ_ONLY', surface.notGrantable] }), 400, 'INVALID_ROLE_FOR_GROUP');
      expectError(await create({ desc: 'k', roles: ['NOT_A_ROLE'] }), 400, 'INVALID_ROLE_FOR_GROUP');
      expectError(await create({ desc: 'k', roles: ['INVALID_ROLE'] }), 400, 'INVALID_ROLE_FOR_GROUP');
    });

    it('CANNOT_ADD_ORG_ROLE for an organization role', async () => {
      const answer = await create({ desc: 'k', roles: ['ORG_OWNER'] });
      expectError(answer, 400, 'CANNOT_ADD_ORG_ROLE');
      expect((answer.body as ErrorJson).parameters).toEqual(['ORG_OWNER']);
    });

    it('VALIDATION_ERROR for malformed JSON, a non-object body or roles that are not a list of names', async () => {
      expectError(await create('{"desc": "k", "roles": ['), 400, 'VALIDATION_ERROR');
      expectError(await create('[1, 2]'), 400, 'VALIDATION_ERROR');
      expectError(await create(''), 400, 'VALIDATION_ERROR');
      expectError(await create({ desc: 'k', roles: 'GROUP_READ_ONLY' }), 400, 'VALIDATION_ERROR');
      expectError(await create({ desc: 'k', roles: [7] }), 400, 'VALIDATION_ERROR');
    });

    it('MISSING_API_KEY_ROLES for a PATCH without roles, and the key keeps its roles', async () => {
      expectError(await api('PATCH', `/groups/${ids.p1}/apiKeys/${keyIds.multi}`, { roles: [] }), 400, 'MISSING_API_KEY_ROLES');
      expectError(await api('PATCH', `/groups/${ids.p1}/apiKeys/${keyIds.multi}`, {}), 400, 'MISSING_API_KEY_ROLES');
      expect(rolesIn('multi', ids.p1)).toEqual(['GROUP_READ_ONLY']);
    });

    it('leaves the state as it was after every refusal', async () => {
      await create({ desc: '', roles: ['GROUP_READ_ONLY'] });
      await create({ desc: 'k', roles: ['ORG_OWNER'] });
      expect(emulator.snapshot()).toEqual(fixtureSeed());
    });
  });

  describe('refuses bad ids', () => {
    it('a malformed project id (a public key where the id belongs)', async () => {
      const answer = await api('GET', `/groups/abcdefgh/apiKeys`);
      if (surface.versioned) expectError(answer, 400, 'PATH_PARAM_PARSE_ERROR');
      else expectError(answer, 404, 'INVALID_GROUP_ID');
    });

    it('GROUP_NOT_FOUND for an unknown project, on every operation', async () => {
      const unknown = 'f'.repeat(24);
      expectError(await api('GET', `/groups/${unknown}/apiKeys`), 404, 'GROUP_NOT_FOUND');
      expectError(await api('POST', `/groups/${unknown}/apiKeys`, { desc: 'k', roles: ['GROUP_READ_ONLY'] }), 404, 'GROUP_NOT_FOUND');
      expectError(await api('PATCH', `/groups/${unknown}/apiKeys/${keyIds.multi}`, { roles: ['GROUP_READ_ONLY'] }), 404, 'GROUP_NOT_FOUND');
      expectError(await api('DELETE', `/groups/${unknown}/apiKeys/${keyIds.multi}`), 404, 'GROUP_NOT_FOUND');
    });

    it('API_KEY_NOT_FOUND (a 400) for an unknown key, a key of another organization and a malformed key id', async () => {
      const unknown = 'e'.repeat(24);
      expectError(await api('PATCH', `/groups/${ids.p1}/apiKeys/${unknown}`, { roles: ['GROUP_READ_ONLY'] }), 400, 'API_KEY_NOT_FOUND');
      expectError(await api('DELETE', `/groups/${ids.p1}/apiKeys/${unknown}`), 400, 'API_KEY_NOT_FOUND');
      expectError(await api('PATCH', `/groups/${ids.p1}/apiKeys/${keyIds.stranger}`, { roles: ['GROUP_READ_ONLY'] }), 400, 'API_KEY_NOT_FOUND');
      const malformed = await api('DELETE', `/groups/${ids.p1}/apiKeys/${credentials.multi.publicKey}`);
      if (surface.versioned) expectError(malformed, 400, 'PATH_PARAM_PARSE_ERROR');
      else expectError(malformed, 400, 'API_KEY_NOT_FOUND');
    });

    it('API_KEY_NOT_FOUND when unassigning a key that is not in the project', async () => {
      expectError(await api('DELETE', `/groups/${ids.p3}/apiKeys/${keyIds.multi}`), 400, 'API_KEY_NOT_FOUND');
    });

    it('NOT_IN_GROUP for a project of another organization', async () => {
      expectError(await api('GET', `/groups/${ids.otherProject}/apiKeys`), 401, 'NOT_IN_GROUP');
    });

    it('RESOURCE_NOT_FOUND for an unknown path', async () => {
      expectError(await api('GET', `/groups/${ids.p1}/apiKeyz`), 404, 'RESOURCE_NOT_FOUND');
      expectError(await api('PUT', `/groups/${ids.p1}/apiKeys/${keyIds.multi}`, { roles: ['GROUP_READ_ONLY'] }), 404, 'RESOURCE_NOT_FOUND');
    });
  });

  if (surface.versioned) {
    describe('v2 differences', () => {
      it('PATCH of a key that is not in the project is refused instead of assigning it', async () => {
        expectError(await api('PATCH', `/groups/${ids.p1}/apiKeys/${keyIds.spare}`, { roles: ['GROUP_READ_ONLY'] }), 400, 'API_KEY_NOT_FOUND');
        expect(rolesIn('spare', ids.p1)).toEqual([]);
      });

      it('PATCH may rename the key', async () => {
        const answer = await api<KeyJson>('PATCH', `/groups/${ids.p1}/apiKeys/${keyIds.multi}`, { desc: 'renamed', roles: ['GROUP_READ_ONLY'] });
        expect(answer.body.desc).toBe('renamed');
        expectError(await api('PATCH', `/groups/${ids.p1}/apiKeys/${keyIds.multi}`, { desc: '', roles: ['GROUP_READ_ONLY'] }), 400, 'INVALID_API_KEY_DESC');
      });

      it('POST of a key already in the project is API_KEY_ALREADY_IN_GROUP', async () => {
        const answer = await api('POST', `/groups/${ids.p1}/apiKeys/${keyIds.multi}`, [{ roles: ['GROUP_OWNER'] }]);
        expectError(answer, 400, 'API_KEY_ALREADY_IN_GROUP');
        expect(rolesIn('multi', ids.p1)).toEqual(['GROUP_READ_ONLY']);
      });

      it('POST assignment wants an array of {roles}', async () => {
        const path = `/groups/${ids.p1}/apiKeys/${keyIds.spare}`;
        expectError(await api('POST', path, { roles: ['GROUP_READ_ONLY'] }), 400, 'VALIDATION_ERROR');
        expectError(await api('POST', path, [{ roles: 'GROUP_READ_ONLY' }]), 400, 'VALIDATION_ERROR');
        expectError(await api('POST', path, [{}]), 400, 'MISSING_API_KEY_ROLES');
        expectError(await api('POST', path, [{ roles: ['ORG_MEMBER'] }]), 400, 'CANNOT_ADD_ORG_ROLE');
      });
    });
  } else {
    it('has no POST on a key of the project (v1.0 assigns with PATCH)', async () => {
      expectError(await api('POST', `/groups/${ids.p1}/apiKeys/${keyIds.spare}`, [{ roles: ['GROUP_READ_ONLY'] }]), 404, 'RESOURCE_NOT_FOUND');
    });
  }
});
