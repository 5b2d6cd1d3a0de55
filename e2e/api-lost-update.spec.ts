import { expect, test } from '@playwright/test';
import { demoProjects, e2eEmulator, rolesIn, signedInApi } from './support/api';

test('two people edit the same key from the same starting point: the second gets 409 and the first change survives', async () => {
  const { p1 } = await demoProjects();
  const owner = await signedInApi('owner');
  const admin = await signedInApi('useradmin');
  const created = await owner.post(`/api/groups/${p1.id}/apiKeys`, { data: { desc: 'lost update test', roles: ['GROUP_READ_ONLY'] } });
  const key = (await created.json()) as { id: string };
  const seen = ['GROUP_READ_ONLY'];

  const first = await owner.patch(`/api/groups/${p1.id}/apiKeys/${key.id}`, {
    data: { roles: ['GROUP_READ_ONLY', 'GROUP_DATA_ACCESS_READ_ONLY'], expectedRoles: seen },
  });
  expect(first.status()).toBe(200);

  const second = await admin.patch(`/api/groups/${p1.id}/apiKeys/${key.id}`, {
    data: { roles: ['GROUP_OWNER'], expectedRoles: seen },
  });
  expect(second.status()).toBe(409);
  const conflict = (await second.json()) as { errorCode: string; currentRoles: string[]; detail: string };
  expect(conflict.errorCode).toBe('ROLES_CHANGED');
  expect(conflict.currentRoles).toEqual(['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY']);

  expect(rolesIn(await e2eEmulator.state(), key.id, p1.id)).toEqual(['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY']);
  await owner.delete(`/api/groups/${p1.id}/apiKeys/${key.id}`);
  await Promise.all([owner.dispose(), admin.dispose()]);
});
