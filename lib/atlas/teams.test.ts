// Teams and membership as the client reads them on every flavor: an organization's teams, a project's teams with their
// roles, each person's teamIds, and invited people (listed by v2 only) with their membership status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Seed } from '@/lib/emulator/seed';
import { fixtureSeed, ids } from '@/lib/emulator/testing/fixture-seed';
import { startEmulatorFixture, testFlavors, type EmulatorFixture } from './testing/emulator-fixture';

const teamId = 'e0000000000000000000000a';
const memberId = '0d0000000000000000000002';

function seedWithTeam(): Seed {
  const seed = fixtureSeed();
  seed.users.push({
    id: 'd00000000000000000000101',
    username: 'invited@demo.test',
    emailAddress: 'invited@demo.test',
    firstName: '',
    lastName: '',
    roles: [{ groupId: ids.p1, roleName: 'GROUP_OWNER' }, { orgId: ids.org, roleName: 'ORG_MEMBER' }],
    orgMembershipStatus: 'PENDING',
    invitationCreatedAt: '2026-11-01T00:00:00Z',
    inviterUsername: 'owner@demo.test',
  });
  seed.teams = [{ id: teamId, orgId: ids.org, name: 'Payments Team', userIds: [memberId], roles: [{ groupId: ids.p3, roleName: 'GROUP_OWNER' }, { groupId: ids.p3, roleName: 'GROUP_READ_ONLY' }] }];
  return seed;
}

let fixture: EmulatorFixture;
beforeAll(async () => {
  fixture = await startEmulatorFixture(seedWithTeam());
});
afterAll(() => fixture.close());

describe.each(testFlavors)('teams on $flavor', (flavor) => {
  it("reads the organization's teams and a project's teams with their roles, one request each", async () => {
    const atlas = fixture.client(flavor, 'digest');
    await atlas.getOrg();
    await fixture.clearRequests();
    expect(await atlas.listOrgTeams()).toEqual({ results: [{ id: teamId, name: 'Payments Team' }], totalCount: 1 });
    expect(await atlas.listProjectTeams(ids.p3)).toEqual({ results: [{ id: teamId, roleNames: ['GROUP_OWNER', 'GROUP_READ_ONLY'] }], totalCount: 1 });
    expect(await atlas.listProjectTeams(ids.p1)).toEqual({ results: [], totalCount: 0 });
    const log = await fixture.requests();
    expect(log.map((r) => `${r.method} ${r.path.slice(flavor.prefix.length)} ${r.status}`)).toEqual([
      `GET /orgs/${ids.org}/teams 200`,
      `GET /groups/${ids.p3}/teams 200`,
      `GET /groups/${ids.p1}/teams 200`,
    ]);
  });

  it("reads each person's teams and membership; only v2 lists people who were invited and have not joined", async () => {
    const atlas = fixture.client(flavor, 'digest');
    const { results } = await atlas.listOrgUsers();
    expect(results.find((u) => u.id === memberId)).toMatchObject({ teamIds: [teamId], orgMembershipStatus: 'ACTIVE' });
    expect(results.find((u) => u.username === 'owner@demo.test')).toMatchObject({ teamIds: [], orgMembershipStatus: 'ACTIVE' });
    const invited = results.find((u) => u.username === 'invited@demo.test');
    if (flavor.flavor === 'atlas-v2') expect(invited).toMatchObject({ orgMembershipStatus: 'PENDING', roles: expect.arrayContaining([{ groupId: ids.p1, roleName: 'GROUP_OWNER' }]) });
    else expect(invited).toBeUndefined();
    const inProject = (await atlas.listProjectUsers(ids.p1)).results.find((u) => u.username === 'invited@demo.test');
    expect(inProject?.orgMembershipStatus).toBe(flavor.flavor === 'atlas-v2' ? 'PENDING' : undefined);
    if (flavor.flavor !== 'atlas-v2') expect(await atlas.listOrgInvitations()).toEqual([{ username: 'invited@demo.test' }]);
  });
});
