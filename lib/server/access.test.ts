// Effective roles through the console's routes (Atlas v2 emulator over HTTP): roles held through a team count, an
// invitation's do not, Organization Read Only reads everything, and a warm page view costs no extra upstream call.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiKey, groupList, type GroupList } from '@/lib/api/schemas';
import type { Seed } from '@/lib/emulator/seed';
import { emulatorControls } from '@/lib/emulator/testing/control-client';
import { fixtureSeed, ids } from '@/lib/emulator/testing/fixture-seed';
import { getChangeStore } from '@/lib/services';
import { startHarness, type Harness } from '@/lib/testing/console-harness';

const teamId = 'e0000000000000000000000a';
const otherTeamId = 'e0000000000000000000000b';
const teamOwner = 'teamowner@demo.test';
const invited = 'invited@demo.test';
const orgReader = 'orgreader@demo.test';

function seedWithTeams(): Seed {
  const seed = fixtureSeed();
  const user = (n: number, username: string, roles: Seed['users'][number]['roles'], extra: Partial<Seed['users'][number]> = {}) => ({
    id: `d0000000000000000000010${n}`,
    username,
    emailAddress: username,
    firstName: 'Test',
    lastName: `Person ${n}`,
    roles,
    ...extra,
  });
  seed.users.push(
    user(1, teamOwner, [{ orgId: ids.org, roleName: 'ORG_MEMBER' }]),
    // Invited as Project Owner of p1 and put in the team: none of it may count before they accept.
    user(2, invited, [{ groupId: ids.p1, roleName: 'GROUP_OWNER' }, { orgId: ids.org, roleName: 'ORG_MEMBER' }], {
      orgMembershipStatus: 'PENDING',
      invitationCreatedAt: '2026-11-01T00:00:00Z',
      invitationExpiresAt: '2036-11-01T00:00:00Z',
      inviterUsername: 'owner@demo.test',
    }),
    user(3, orgReader, [{ orgId: ids.org, roleName: 'ORG_READ_ONLY' }]),
  );
  seed.teams = [
    {
      id: teamId,
      orgId: ids.org,
      name: 'Payments Team',
      userIds: ['d00000000000000000000101', 'd00000000000000000000102'],
      roles: [{ groupId: ids.p3, roleName: 'GROUP_OWNER' }],
    },
    // A read-only team in p2 beside a direct role there: both sources are named.
    { id: otherTeamId, orgId: ids.org, name: 'Readers', userIds: ['d00000000000000000000101', 'd00000000000000000000103'], roles: [{ groupId: ids.p2, roleName: 'GROUP_READ_ONLY' }] },
  ];
  return seed;
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(seedWithTeams(), { surface: '/api/atlas/v2' });
  // Opening the change history blocks this process for a while: done before any upstream connection is kept alive.
  await getChangeStore();
});
afterAll(() => harness?.close());
beforeEach(async () => {
  await emulatorControls(harness.emulator.url).reset();
  harness.forgetCaches();
});

async function projectsOf(email: string): Promise<GroupList> {
  const answer = await harness.call('GET', '/api/groups', { as: email });
  expect(answer.status).toBe(200);
  return groupList.parse(await answer.json());
}

const keysPath = `/api/groups/${ids.p3}/apiKeys`;

describe('a person whose only project role comes from a team', () => {
  it('sees that project, may manage its keys, and is told which team the role comes from', async () => {
    const { results } = await projectsOf(teamOwner);
    expect(results.map((p) => [p.id, p.myRoles, p.canManageKeys])).toEqual([
      [ids.p3, ['GROUP_OWNER'], true],
      [ids.p2, ['GROUP_READ_ONLY'], false],
    ]);
    expect(results[0]?.roleSources).toEqual([{ source: 'team', roleName: 'GROUP_OWNER', teamId, teamName: 'Payments Team' }]);
    expect(results[1]?.roleSources).toEqual([{ source: 'team', roleName: 'GROUP_READ_ONLY', teamId: otherTeamId, teamName: 'Readers' }]);
  });

  it('lists, creates, edits and unassigns that project\'s keys', async () => {
    const listed = await harness.call('GET', keysPath, { as: teamOwner });
    expect(listed.status).toBe(200);

    const created = await harness.call('POST', keysPath, { as: teamOwner, body: { desc: 'made through a team', roles: ['GROUP_READ_ONLY'] } });
    expect(created.status).toBe(200);
    const key = apiKey.parse(await created.json());

    const edited = await harness.call('PATCH', `${keysPath}/${key.id}`, { as: teamOwner, body: { roles: ['GROUP_OWNER'], expectedRoles: ['GROUP_READ_ONLY'] } });
    expect(edited.status).toBe(200);
    expect(apiKey.parse(await edited.json()).roles).toContainEqual({ groupId: ids.p3, roleName: 'GROUP_OWNER' });

    const unassigned = await harness.call('DELETE', `${keysPath}/${key.id}`, { as: teamOwner });
    expect(unassigned.status).toBe(204);
    const after = (await (await harness.call('GET', keysPath, { as: teamOwner })).json()) as { results: { id: string }[] };
    expect(after.results.map((k) => k.id)).not.toContain(key.id);
  });

  it('may only read where the team reads, and sees nothing of a project neither they nor a team of theirs is in', async () => {
    const denied = await harness.call('POST', `/api/groups/${ids.p2}/apiKeys`, { as: teamOwner, body: { desc: 'nope', roles: ['GROUP_READ_ONLY'] } });
    expect(denied.status).toBe(403);
    expect((await harness.call('GET', `/api/groups/${ids.p2}/apiKeys`, { as: teamOwner })).status).toBe(200);
    expect((await harness.call('GET', `/api/groups/${ids.p1}/apiKeys`, { as: teamOwner })).status).toBe(404);
  });

  it('costs no upstream call beyond the keys themselves once warm', async () => {
    await projectsOf(teamOwner);
    await harness.call('GET', keysPath, { as: teamOwner });
    await harness.clearUpstreamRequests();
    await projectsOf(teamOwner);
    expect(await harness.upstreamRequests()).toEqual([]);
    await harness.call('GET', keysPath, { as: teamOwner });
    expect((await harness.upstreamRequests()).map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/atlas/v2/groups/${ids.p3}/apiKeys`]);
  });

  it('is shown the projects of their teams in the audit and in the organization keys, as on the projects page', async () => {
    const audit = (await (await harness.call('GET', '/api/audit', { as: teamOwner })).json()) as { projects: { id: string }[] };
    expect(audit.projects.map((p) => p.id).sort()).toEqual([ids.p2, ids.p3].sort());
    const orgKeys = (await (await harness.call('GET', `/api/orgs/${ids.org}/apiKeys`, { as: teamOwner })).json()) as { results: { roles: { groupId?: string }[] }[] };
    const projectsSeen = new Set(orgKeys.results.flatMap((k) => k.roles.flatMap((r) => (r.groupId ? [r.groupId] : []))));
    expect([...projectsSeen].every((g) => g === ids.p2 || g === ids.p3)).toBe(true);
  });

  it('reads teams with a bounded number of calls: one team list per project and the team names, whatever the number of teams', async () => {
    await harness.clearUpstreamRequests();
    await projectsOf(teamOwner);
    const teamReads = (await harness.upstreamRequests()).filter((r) => r.path.endsWith('/teams')).map((r) => r.path);
    expect(teamReads.sort()).toEqual(
      [...[ids.p1, ids.p2, ids.p3].map((g) => `/api/atlas/v2/groups/${g}/teams`), `/api/atlas/v2/orgs/${ids.org}/teams`].sort(),
    );
  });
});

describe('a person whose invitation is still pending', () => {
  it('gets no project, whatever roles the invitation and their teams carry', async () => {
    expect((await projectsOf(invited)).results).toEqual([]);
  });

  it('can change nothing, and nothing is sent upstream', async () => {
    await projectsOf(teamOwner);
    await harness.clearUpstreamRequests();
    const attempts = [
      await harness.call('GET', `/api/groups/${ids.p1}/apiKeys`, { as: invited }),
      await harness.call('POST', `/api/groups/${ids.p1}/apiKeys`, { as: invited, body: { desc: 'invited', roles: ['GROUP_READ_ONLY'] } }),
      await harness.call('POST', keysPath, { as: invited, body: { desc: 'invited', roles: ['GROUP_READ_ONLY'] } }),
      await harness.call('GET', `/api/orgs/${ids.org}/apiKeys`, { as: invited }),
    ];
    expect(attempts.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    expect((await harness.upstreamRequests()).filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

describe('an Organization Read Only person', () => {
  it('sees every project read-only, told it comes from their organization role, and may not change keys', async () => {
    const { results } = await projectsOf(orgReader);
    expect(results.map((p) => p.id).sort()).toEqual([ids.p1, ids.p2, ids.p3].sort());
    const p1 = results.find((p) => p.id === ids.p1);
    expect(p1).toMatchObject({ myRoles: [], canManageKeys: false, roleSources: [{ source: 'organization', roleName: 'ORG_READ_ONLY' }] });
    expect(results.find((p) => p.id === ids.p2)?.roleSources).toEqual([
      { source: 'team', roleName: 'GROUP_READ_ONLY', teamId: otherTeamId, teamName: 'Readers' },
      { source: 'organization', roleName: 'ORG_READ_ONLY' },
    ]);
    expect((await harness.call('GET', `/api/groups/${ids.p1}/apiKeys`, { as: orgReader })).status).toBe(200);
    const denied = await harness.call('POST', `/api/groups/${ids.p1}/apiKeys`, { as: orgReader, body: { desc: 'nope', roles: ['GROUP_READ_ONLY'] } });
    expect(denied.status).toBe(403);
  });
});

describe('a person with a role of their own', () => {
  it('keeps it, named as their own', async () => {
    const owner = (await projectsOf('owner@demo.test')).results.find((p) => p.id === ids.p1);
    expect(owner?.roleSources).toEqual([{ source: 'project', roleName: 'GROUP_OWNER' }]);
  });
});
