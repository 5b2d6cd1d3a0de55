// The Admin API's permission table enforced on the calling key (and service account), on every surface.
import { describe, expect, it } from 'vitest';
import { projectAccess } from './permissions';
import { emulatorControls } from './testing/control-client';
import { fixtureEmulatorForFile } from './testing/fixture-emulator';
import { credentials, ids, keyIds, type KeyName } from './testing/fixture-seed';
import { surfaceClient, testSurfaces, type ErrorJson } from './testing/surface-client';

const emulator = fixtureEmulatorForFile();

type Outcome = 'ok' | 'USER_UNAUTHORIZED' | 'NOT_IN_GROUP';

/** Per calling key: reading project 1's keys, managing them (create, modify, unassign), reading the organization's keys. */
const table: Record<Exclude<KeyName, 'spare' | 'multi'>, { read: Outcome; manage: Outcome; org: Outcome }> = {
  console: { read: 'ok', manage: 'ok', org: 'ok' },
  orgReader: { read: 'ok', manage: 'USER_UNAUTHORIZED', org: 'ok' },
  member: { read: 'NOT_IN_GROUP', manage: 'NOT_IN_GROUP', org: 'ok' },
  p1Owner: { read: 'ok', manage: 'ok', org: 'ok' },
  p1UserAdmin: { read: 'ok', manage: 'ok', org: 'ok' },
  p1Reader: { read: 'ok', manage: 'USER_UNAUTHORIZED', org: 'ok' },
  stranger: { read: 'NOT_IN_GROUP', manage: 'NOT_IN_GROUP', org: 'USER_UNAUTHORIZED' },
};

function expectOutcome(answer: { status: number; headers: Headers; body: unknown }, outcome: Outcome, success: number[]) {
  if (outcome === 'ok') {
    expect(success).toContain(answer.status);
    return;
  }
  expect(answer.status).toBe(401);
  expect((answer.body as ErrorJson).errorCode).toBe(outcome);
  // A 401 for a missing role is not a challenge: signing again cannot help.
  expect(answer.headers.get('www-authenticate')).toBeNull();
}

describe.each(testSurfaces)('permission table on $name', (surface) => {
  it.each(Object.entries(table))('%s', async (name, expected) => {
    const api = surfaceClient(emulator.url, surface, credentials[name as KeyName]);
    expectOutcome(await api('GET', `/groups/${ids.p1}/apiKeys`), expected.read, [200]);
    expectOutcome(await api('GET', `/groups/${ids.p1}/users`), expected.read, [200]);
    expectOutcome(await api('POST', `/groups/${ids.p1}/apiKeys`, { desc: `by ${name}`, roles: ['GROUP_READ_ONLY'] }), expected.manage, [200, 201]);
    expectOutcome(await api('PATCH', `/groups/${ids.p1}/apiKeys/${keyIds.multi}`, { roles: ['GROUP_OWNER'] }), expected.manage, [200]);
    expectOutcome(await api('DELETE', `/groups/${ids.p1}/apiKeys/${keyIds.multi}`), expected.manage, [204]);
    expectOutcome(await api('GET', `/orgs/${ids.org}/apiKeys`), expected.org, [200]);
    expectOutcome(await api('GET', `/orgs/${ids.org}/users`), expected.org, [200]);
    // Refused changes change nothing; allowed ones end with the key unassigned from project 1.
    const multi = emulator.snapshot().apiKeys.find((k) => k.id === keyIds.multi);
    expect(multi?.roles.some((r) => r.groupId === ids.p1)).toBe(expected.manage !== 'ok');
  });

  it('a project owner of one project may not manage another', async () => {
    const api = surfaceClient(emulator.url, surface, credentials.p1Owner);
    const answer = await api<ErrorJson>('POST', `/groups/${ids.p2}/apiKeys`, { desc: 'elsewhere', roles: ['GROUP_READ_ONLY'] });
    expect(answer.status).toBe(401);
    expect(answer.body.errorCode).toBe('NOT_IN_GROUP');
  });

  it('the request log shows authorization refusals as answered, not challenged', async () => {
    await emulatorControls(emulator.url).clearRequests();
    const api = surfaceClient(emulator.url, surface, credentials.p1Reader);
    await api('DELETE', `/groups/${ids.p1}/apiKeys/${keyIds.multi}`);
    const log = await emulatorControls(emulator.url).requests();
    expect(log.map((e) => [e.status, e.challenged])).toEqual([
      [401, true],
      [401, false],
    ]);
  });
});

describe('projectAccess', () => {
  const project = { id: ids.p1, orgId: ids.org, name: 'Project One' };
  it.each([
    [[{ orgId: ids.org, roleName: 'ORG_OWNER' }], 'manage'],
    [[{ orgId: ids.org, roleName: 'ORG_READ_ONLY' }], 'read'],
    [[{ orgId: ids.org, roleName: 'ORG_BILLING_ADMIN' }], 'none'],
    [[{ orgId: ids.otherOrg, roleName: 'ORG_OWNER' }], 'none'],
    [[{ groupId: ids.p1, roleName: 'GROUP_USER_ADMIN' }], 'manage'],
    [[{ groupId: ids.p1, roleName: 'GROUP_OWNER' }], 'manage'],
    [[{ groupId: ids.p1, roleName: 'GROUP_CHARTS_ADMIN' }], 'read'],
    [[{ groupId: ids.p2, roleName: 'GROUP_OWNER' }], 'none'],
    [[], 'none'],
  ])('%j → %s', (roles, access) => {
    expect(projectAccess(roles, project)).toBe(access);
  });
});
