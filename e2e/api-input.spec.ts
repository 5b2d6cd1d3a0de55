import { expect, test } from '@playwright/test';
import { demoProjects, e2eEmulator, signedInApi } from './support/api';

// Bad input is answered 4xx with a clear detail, and nothing reaches the upstream.
test('malformed ids, bodies and roles are refused before any upstream call', async () => {
  const { p1, state } = await demoProjects();
  const keyId = state.apiKeys.find((k) => k.id !== state.consoleKey)!.id;
  const api = await signedInApi('orgowner');
  // Warm the person's role cache so that any upstream call below would come from the bad request itself.
  expect((await api.get(`/api/groups/${p1.id}/apiKeys`)).status()).toBe(200);
  await e2eEmulator.clearRequests();

  const badIds = [
    '..%2F..%2Forgs',
    '%2e%2e%2f',
    `${p1.id.slice(0, 12)}%2F${p1.id.slice(12)}`,
    p1.id.slice(0, 23),
    `${p1.id}0`,
    p1.id.toUpperCase(),
    `${p1.id.slice(0, 23)}\u0430`,
    `${p1.id.slice(0, 23)}%EF%BC%A1`,
    `${p1.id}%3Fpretty%3Dtrue`,
    'null',
  ];
  for (const bad of badIds) {
    for (const answer of [
      await api.get(`/api/groups/${bad}/apiKeys`),
      await api.patch(`/api/groups/${p1.id}/apiKeys/${bad}`, { data: { roles: ['GROUP_READ_ONLY'] } }),
      await api.delete(`/api/groups/${bad}/apiKeys/${keyId}`),
    ]) {
      expect([400, 404], `${bad} → ${answer.status()}`).toContain(answer.status());
      const body = (await answer.json()) as { detail: string; errorCode: string };
      expect(body.detail.length).toBeGreaterThan(10);
    }
  }

  const bodies: [unknown, string][] = [
    [{ desc: '', roles: ['GROUP_READ_ONLY'] }, 'INVALID_API_KEY_DESC'],
    [{ desc: 'x'.repeat(251), roles: ['GROUP_READ_ONLY'] }, 'INVALID_API_KEY_DESC'],
    [{ desc: 'ok', roles: [] }, 'MISSING_API_KEY_ROLES'],
    [{ desc: 'ok' }, 'INVALID_ROLE_FOR_GROUP'],
    [{ desc: 'ok', roles: ['GROUP_GOD_MODE'] }, 'INVALID_ROLE_FOR_GROUP'],
    [{ desc: 'ok', roles: ['ORG_OWNER'] }, 'INVALID_ROLE_FOR_GROUP'],
    [{ desc: 'ok', roles: ['group_read_only'] }, 'INVALID_ROLE_FOR_GROUP'],
    [{ desc: 'ok', roles: ['GROUP_READ_ONLY', 'GROUP_READ_ONLY'] }, 'INVALID_ROLE_FOR_GROUP'],
    [{ desc: 'ok', roles: ['GROUP_READ_ONLY'], extra: true }, 'VALIDATION_ERROR'],
    [['GROUP_READ_ONLY'], 'VALIDATION_ERROR'],
  ];
  for (const [data, errorCode] of bodies) {
    const answer = await api.post(`/api/groups/${p1.id}/apiKeys`, { data });
    expect(answer.status(), JSON.stringify(data)).toBe(400);
    expect((await answer.json()) as object, JSON.stringify(data)).toMatchObject({ error: 400, errorCode, reason: 'Bad Request' });
  }

  const emptyRoles = await api.patch(`/api/groups/${p1.id}/apiKeys/${keyId}`, { data: { roles: [] } });
  expect(emptyRoles.status()).toBe(400);
  expect((await emptyRoles.json()).errorCode).toBe('MISSING_API_KEY_ROLES');

  const notJson = await api.post(`/api/groups/${p1.id}/apiKeys`, { data: Buffer.from('{"desc": "x", roles: '), headers: { 'Content-Type': 'application/json' } });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).detail).toMatch(/not valid JSON/);

  const notJsonType = await api.post(`/api/groups/${p1.id}/apiKeys`, { data: 'desc=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  expect(notJsonType.status()).toBe(415);

  const huge = await api.post(`/api/groups/${p1.id}/apiKeys`, { data: { desc: 'x'.repeat(200_000), roles: ['GROUP_READ_ONLY'] } });
  expect(huge.status()).toBe(413);

  expect(await e2eEmulator.requests()).toEqual([]);
  await api.dispose();
});
