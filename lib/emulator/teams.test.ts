// Teams and invitations on every surface: creating a team with members, giving it roles in a project, listing a
// project's teams, a team's users and each person's teamIds; v2 invitations listed as PENDING members.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureEmulatorForFile } from './testing/fixture-emulator';
import { credentials, ids } from './testing/fixture-seed';
import { consoleClient, surfaceClient, testSurfaces, type ErrorJson, type LinksJson, type NamedJson, type PageJson } from './testing/surface-client';

const users2025 = 'application/vnd.atlas.2025-02-19+json';

const emulator = fixtureEmulatorForFile();

type TeamJson = NamedJson & { usernames?: string[] };

interface TeamRoleJson {
  teamId: string;
  roleNames: string[];
  links: LinksJson;
}

describe.each(testSurfaces)('teams on $name', (surface) => {
  const api = consoleClient(emulator, surface);
  let base: string;
  beforeAll(() => {
    base = `${emulator.url}${surface.prefix}`;
  });
  const as = (name: keyof typeof credentials) => surfaceClient(emulator.url, surface, credentials[name]);

  async function createTeam(name = 'Platform'): Promise<TeamJson> {
    const answer = await api<TeamJson>('POST', `/orgs/${ids.org}/teams`, { name, usernames: ['member@demo.test'] });
    expect(answer.status).toBe(200);
    return answer.body;
  }

  it('POST /orgs/{orgId}/teams creates a team with members, which GET /orgs/{orgId}/teams lists', async () => {
    const team = await createTeam();
    expect(team).toEqual({ id: expect.stringMatching(/^[a-f0-9]{24}$/), links: [{ href: `${base}/orgs/${ids.org}/teams/${team.id}`, rel: 'self' }], name: 'Platform', usernames: ['member@demo.test'] });
    const list = await api<PageJson<TeamJson>>('GET', `/orgs/${ids.org}/teams`);
    expect(list.body.results).toEqual([{ id: team.id, links: team.links, name: 'Platform' }]);
    expect(list.body.totalCount).toBe(1);
  });

  it('refuses a team from a caller who is not Organization Owner, with a stranger, or with a name already taken', async () => {
    const body = { name: 'Platform', usernames: ['member@demo.test'] };
    expect((await as('member')<ErrorJson>('POST', `/orgs/${ids.org}/teams`, body)).body.errorCode).toBe('USER_UNAUTHORIZED');
    const stranger = await api<ErrorJson>('POST', `/orgs/${ids.org}/teams`, { name: 'X', usernames: ['nobody@demo.test'] });
    expect([stranger.status, stranger.body.errorCode]).toEqual([404, 'USER_NOT_FOUND']);
    await createTeam();
    const again = await api<ErrorJson>('POST', `/orgs/${ids.org}/teams`, { ...body, name: 'platform' });
    expect([again.status, again.body.errorCode]).toEqual([409, 'DUPLICATE_TEAM_NAME']);
    const noUsernames = await api<ErrorJson>('POST', `/orgs/${ids.org}/teams`, { name: 'Y' });
    expect([noUsernames.status, noUsernames.body.errorCode]).toEqual([400, 'VALIDATION_ERROR']);
  });

  it('POST /groups/{groupId}/teams gives a team roles in a project; GET lists them; members carry the teamIds', async () => {
    const team = await createTeam();
    const added = await api<PageJson<TeamRoleJson>>('POST', `/groups/${ids.p2}/teams`, [{ teamId: team.id, roleNames: ['GROUP_OWNER'] }]);
    expect(added.status).toBe(200);
    const expected = { links: [{ href: `${base}/groups/${ids.p2}/teams/${team.id}`, rel: 'self' }], roleNames: ['GROUP_OWNER'], teamId: team.id };
    expect(added.body.results).toEqual([expected]);
    const listed = await api<PageJson<TeamRoleJson>>('GET', `/groups/${ids.p2}/teams`);
    expect(listed.body).toMatchObject({ results: [expected], totalCount: 1 });
    expect((await api<PageJson<TeamRoleJson>>('GET', `/groups/${ids.p1}/teams`)).body.results).toEqual([]);

    const people = await api<PageJson<{ username: string; teamIds: string[] }>>('GET', `/orgs/${ids.org}/users`);
    expect(people.body.results.find((u) => u.username === 'member@demo.test')?.teamIds).toEqual([team.id]);
    expect(people.body.results.find((u) => u.username === 'owner@demo.test')?.teamIds).toEqual([]);
    const teamUsers = await api<PageJson<{ username: string }>>('GET', `/orgs/${ids.org}/teams/${team.id}/users`, undefined, surface.versioned ? { accept: users2025 } : {});
    expect(teamUsers.body.results.map((u) => u.username)).toEqual(['member@demo.test']);
  });

  it('refuses team roles that are not a project role of the surface, from a non-manager, or for an unknown team', async () => {
    const team = await createTeam();
    const grant = (roleNames: string[], teamId = team.id) => [{ teamId, roleNames }];
    const code = async (answer: Promise<{ status: number; body: ErrorJson }>) => {
      const { status, body } = await answer;
      return [status, body.errorCode];
    };
    expect(await code(api('POST', `/groups/${ids.p2}/teams`, grant([surface.notGrantable])))).toEqual([400, 'INVALID_ROLE_FOR_GROUP']);
    expect(await code(api('POST', `/groups/${ids.p2}/teams`, grant(['ORG_OWNER'])))).toEqual([400, 'CANNOT_ADD_ORG_ROLE']);
    expect(await code(api('POST', `/groups/${ids.p2}/teams`, grant([])))).toEqual([400, 'VALIDATION_ERROR']);
    expect(await code(api('POST', `/groups/${ids.p2}/teams`, grant(['GROUP_OWNER'], 'f'.repeat(24))))).toEqual([404, 'TEAM_NOT_FOUND']);
    expect(await code(as('p1Reader')('POST', `/groups/${ids.p1}/teams`, grant(['GROUP_READ_ONLY'])))).toEqual([401, 'USER_UNAUTHORIZED']);
    expect(await code(api('POST', `/groups/${ids.p2}/teams`, grant(['GROUP_READ_ONLY'])))).toEqual([200, undefined]);
    expect(await code(api('POST', `/groups/${ids.p2}/teams`, grant(['GROUP_OWNER'])))).toEqual([400, 'VALIDATION_ERROR']);
    expect(await code(api('GET', `/orgs/${ids.org}/teams/${'f'.repeat(24)}/users`, undefined, surface.versioned ? { accept: users2025 } : {}))).toEqual([404, 'TEAM_NOT_FOUND']);
  });
});

describe('invitations (Atlas v2, 2025-02-19)', () => {
  const v2 = testSurfaces[2]!;
  const api = consoleClient(emulator, v2);
  const invite = (body: unknown, client = api) => client<Record<string, unknown>>('POST', `/orgs/${ids.org}/users`, body, { accept: users2025, 'content-type': users2025 });
  const invitation = { username: 'new@demo.test', roles: { orgRoles: ['ORG_MEMBER'], groupRoleAssignments: [{ groupId: ids.p1, groupRoles: ['GROUP_OWNER'] }] } };

  it('creates a PENDING member with the invitation and its roles, listed as such by the 2025-02-19 user lists only', async () => {
    const answer = await invite(invitation);
    expect(answer.status).toBe(201);
    expect(answer.headers.get('content-type')).toBe(users2025);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^[a-f0-9]{24}$/),
      invitationCreatedAt: expect.any(String),
      invitationExpiresAt: expect.any(String),
      inviterUsername: expect.stringMatching(/@/),
      orgMembershipStatus: 'PENDING',
      roles: { orgRoles: ['ORG_MEMBER'], groupRoleAssignments: [{ groupId: ids.p1, groupRoles: ['GROUP_OWNER'] }] },
      teamIds: [],
      username: 'new@demo.test',
    });
    const inOrg = await api<PageJson<{ username: string; orgMembershipStatus: string }>>('GET', `/orgs/${ids.org}/users?username=new@demo.test`, undefined, { accept: users2025 });
    expect(inOrg.body.results).toEqual([answer.body]);
    const inProject = await api<PageJson<{ username: string; orgMembershipStatus: string; roles: string[] }>>('GET', `/groups/${ids.p1}/users`, undefined, { accept: users2025 });
    expect(inProject.body.results.find((u) => u.username === 'new@demo.test')).toMatchObject({ orgMembershipStatus: 'PENDING', roles: ['GROUP_OWNER'] });
    for (const surface of testSurfaces) {
      const classic = await surfaceClient(emulator.url, surface, credentials.console)<PageJson<{ username: string }>>('GET', `/groups/${ids.p1}/users`);
      expect(classic.body.results.map((u) => u.username)).not.toContain('new@demo.test');
    }
  });

  it('v1.0 lists the pending invitation among its invitations, as a plain array; v2 has no such list here', async () => {
    await invite(invitation);
    for (const surface of testSurfaces) {
      const answer = await surfaceClient(emulator.url, surface, credentials.console)<unknown>('GET', `/orgs/${ids.org}/invites`);
      if (surface.versioned) {
        expect(answer.status).toBe(404);
        continue;
      }
      expect(answer.body).toEqual([
        {
          createdAt: expect.any(String),
          expiresAt: expect.any(String),
          id: expect.stringMatching(/^[a-f0-9]{24}$/),
          inviterUsername: expect.stringMatching(/@/),
          orgId: ids.org,
          orgName: 'Fixture Org',
          roles: ['ORG_MEMBER'],
          teamIds: [],
          username: 'new@demo.test',
        },
      ]);
      const asMember = await surfaceClient(emulator.url, surface, credentials.member)<ErrorJson>('GET', `/orgs/${ids.org}/invites`);
      expect(asMember.body.errorCode).toBe('USER_UNAUTHORIZED');
    }
  });

  it('refuses an older version, a caller who is not Organization Owner, a member, and bad roles', async () => {
    const older = await api<ErrorJson>('POST', `/orgs/${ids.org}/users`, invitation);
    expect([older.status, older.body.errorCode]).toEqual([406, 'INVALID_VERSION_DATE']);
    expect((await invite(invitation, surfaceClient(emulator.url, v2, credentials.p1Owner))).body.errorCode).toBe('USER_UNAUTHORIZED');
    const member = await invite({ ...invitation, username: 'member@demo.test' });
    expect([member.status, member.body.errorCode]).toEqual([409, 'USER_ALREADY_IN_ORG']);
    expect((await invite({ ...invitation, roles: { orgRoles: ['GROUP_OWNER'] } })).body.errorCode).toBe('INVALID_ROLE_FOR_ORG');
    expect((await invite({ ...invitation, roles: { orgRoles: [] } })).body.errorCode).toBe('VALIDATION_ERROR');
    expect((await invite({ username: 'new@demo.test', roles: { orgRoles: ['ORG_MEMBER'], groupRoleAssignments: [{ groupId: ids.p1, groupRoles: ['GROUP_USER_ADMIN'] }] } })).body.errorCode).toBe('INVALID_ROLE_FOR_GROUP');
    expect((await invite({ ...invitation, teamIds: ['f'.repeat(24)] })).body.errorCode).toBe('TEAM_NOT_FOUND');
  });
});
