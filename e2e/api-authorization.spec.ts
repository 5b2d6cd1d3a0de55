import { expect, test, type APIRequestContext } from '@playwright/test';
import { anonymousApi, demoProjects, signedInApi, type DemoPersonKey } from './support/api';
import { e2eConsole } from './support/servers';

// The seed's permission table, person by person, against the real console and emulator.
type Outcome = 'read' | 'manage' | 'hidden';

const table: Record<DemoPersonKey, { p1: Outcome; p2: Outcome; p3: Outcome }> = {
  owner: { p1: 'manage', p2: 'read', p3: 'hidden' },
  useradmin: { p1: 'manage', p2: 'hidden', p3: 'hidden' },
  reader: { p1: 'read', p2: 'hidden', p3: 'hidden' },
  orgowner: { p1: 'manage', p2: 'manage', p3: 'manage' },
  member: { p1: 'hidden', p2: 'hidden', p3: 'hidden' },
  // Project Owner of p3 through the team Analytics Engineers only.
  teamowner: { p1: 'hidden', p2: 'hidden', p3: 'manage' },
  // Invited as Project Owner of p1, not joined: nothing.
  invited: { p1: 'hidden', p2: 'hidden', p3: 'hidden' },
};

async function checkProject(api: APIRequestContext, groupId: string, outcome: Outcome, spareKeyId: string) {
  const list = await api.get(`/api/groups/${groupId}/apiKeys`);
  expect(list.status(), `GET ${groupId}`).toBe(outcome === 'hidden' ? 404 : 200);
  if (outcome === 'read') {
    expect(list.headers()['cache-control']).toBe('no-store');
  }

  const denied = outcome === 'hidden' ? 404 : 403;
  if (outcome !== 'manage') {
    const post = await api.post(`/api/groups/${groupId}/apiKeys`, { data: { desc: 'not allowed', roles: ['GROUP_READ_ONLY'] } });
    expect(post.status(), `POST ${groupId}`).toBe(denied);
    expect((await post.json()).errorCode).toBe(outcome === 'hidden' ? 'GROUP_NOT_FOUND' : 'NOT_KEY_MANAGER');
    const patch = await api.patch(`/api/groups/${groupId}/apiKeys/${spareKeyId}`, { data: { roles: ['GROUP_READ_ONLY'] } });
    expect(patch.status(), `PATCH ${groupId}`).toBe(denied);
    const del = await api.delete(`/api/groups/${groupId}/apiKeys/${spareKeyId}`);
    expect(del.status(), `DELETE ${groupId}`).toBe(denied);
    return;
  }
  const created = await api.post(`/api/groups/${groupId}/apiKeys`, { data: { desc: 'matrix test key', roles: ['GROUP_READ_ONLY'] } });
  expect(created.status(), `POST ${groupId}`).toBe(200);
  const key = (await created.json()) as { id: string; privateKey: string };
  expect(key.privateKey).toMatch(/^[0-9a-f-]{36}$/);
  const patched = await api.patch(`/api/groups/${groupId}/apiKeys/${key.id}`, { data: { roles: ['GROUP_READ_ONLY', 'GROUP_DATA_ACCESS_READ_ONLY'] } });
  expect(patched.status(), `PATCH ${groupId}`).toBe(200);
  const removed = await api.delete(`/api/groups/${groupId}/apiKeys/${key.id}`);
  expect(removed.status(), `DELETE ${groupId}`).toBe(204);
}

for (const who of Object.keys(table) as DemoPersonKey[]) {
  test(`permission table: ${who}`, async () => {
    const { p1, p2, p3, orgId, state } = await demoProjects();
    const spareKeyId = state.apiKeys.find((k) => k.id !== state.consoleKey)!.id;
    const api = await signedInApi(who);
    const expected = table[who];

    const groups = await api.get('/api/groups');
    expect(groups.status()).toBe(200);
    const visible = ((await groups.json()) as { results: { id: string; canManageKeys: boolean }[] }).results;
    for (const [name, project] of [['p1', p1], ['p2', p2], ['p3', p3]] as const) {
      const listed = visible.find((g) => g.id === project.id);
      expect(Boolean(listed), `${who} sees ${name}`).toBe(expected[name] !== 'hidden');
      if (listed) expect(listed.canManageKeys).toBe(expected[name] === 'manage');
    }

    await checkProject(api, p1.id, expected.p1, spareKeyId);
    await checkProject(api, p2.id, expected.p2, spareKeyId);
    await checkProject(api, p3.id, expected.p3, spareKeyId);

    const orgKeys = await api.get(`/api/orgs/${orgId}/apiKeys`);
    // Someone only invited is not a member of the organization yet.
    expect(orgKeys.status()).toBe(who === 'invited' ? 404 : 200);
    const otherOrg = await api.get(`/api/orgs/${'0'.repeat(24)}/apiKeys`);
    expect(otherOrg.status()).toBe(404);
    await api.dispose();
  });
}

test('without a session every route answers 401', async () => {
  const { p1, orgId, state } = await demoProjects();
  const sameOrigin = { Origin: e2eConsole.url };
  const api = await anonymousApi();
  const keyId = state.apiKeys[0]!.id;
  const answers = await Promise.all([
    api.get('/api/groups'),
    api.get(`/api/groups/${p1.id}/apiKeys`),
    // Writes as a page of the console sends them (with its Origin), so that only the missing session is wrong.
    api.post(`/api/groups/${p1.id}/apiKeys`, { headers: sameOrigin, data: { desc: 'x', roles: ['GROUP_READ_ONLY'] } }),
    api.patch(`/api/groups/${p1.id}/apiKeys/${keyId}`, { headers: sameOrigin, data: { roles: ['GROUP_READ_ONLY'] } }),
    api.delete(`/api/groups/${p1.id}/apiKeys/${keyId}`, { headers: sameOrigin }),
    api.get(`/api/orgs/${orgId}/apiKeys`),
  ]);
  for (const answer of answers) {
    expect(answer.status()).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 401, errorCode: 'NOT_SIGNED_IN', reason: 'Unauthorized' });
  }
  await api.dispose();
});

test('a cross-site mutation is refused', async () => {
  const { p1 } = await demoProjects();
  const api = await signedInApi('owner');
  const answer = await api.post(`/api/groups/${p1.id}/apiKeys`, {
    data: { desc: 'cross-site', roles: ['GROUP_READ_ONLY'] },
    headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
  });
  expect(answer.status()).toBe(403);
  expect((await answer.json()).errorCode).toBe('CROSS_SITE_REQUEST');
  await api.dispose();
});
