// Who the signed-in person is upstream and what the Admin API's permission table lets them do, from briefly cached user and team lists.
import 'server-only';
import type { GroupList, RoleAssignment } from '@/lib/api/schemas';
import { orgRolesOf, projectRolesOf } from '@/lib/api/role-assignments';
import type { AtlasUser } from '@/lib/atlas/client';
import { getAtlas } from '@/lib/services';
import { consoleError } from '@/lib/console-errors';
import { mapConcurrently } from '@/lib/map-concurrently';
import { processSingleton } from '@/lib/process-singleton';
import { effectiveRoles } from '@/lib/auth/effective-roles';
import { decide, type Permissions } from '@/lib/auth/permissions';
import { TtlCache } from '@/lib/auth/ttl-cache';

/** Role changes upstream reach the console within this time; a page view meanwhile costs no extra call. */
const roleCacheMs = 30_000;

/** Team lists of many projects are read this many at a time. */
const teamReadConcurrency = 8;

interface OrgPerson {
  roles: RoleAssignment[];
  teamIds: string[];
  /** ACTIVE, or the state of an invitation not (yet) accepted. */
  status: string;
}

type People = Map<string, OrgPerson>;
type TeamRoles = Map<string, string[]>;

// Shared by pages and route handlers, which Next.js may load as separate module instances.
const { orgUsers, invitations, projectUsers, projectTeams, orgTeams, projects, orgs } = processSingleton('access-caches', () => ({
  orgUsers: new TtlCache<People>(roleCacheMs, 4),
  invitations: new TtlCache<Set<string>>(roleCacheMs, 4),
  projectUsers: new TtlCache<People>(roleCacheMs),
  projectTeams: new TtlCache<TeamRoles>(roleCacheMs),
  orgTeams: new TtlCache<Map<string, string>>(roleCacheMs, 4),
  projects: new TtlCache<Map<string, { id: string; name: string; orgId: string }>>(roleCacheMs, 4),
  orgs: new TtlCache<{ id: string; name: string }>(5 * 60_000, 1),
}));

function byEmail(users: readonly AtlasUser[]): People {
  const index: People = new Map();
  for (const user of users) {
    const entry = { roles: user.roles, teamIds: user.teamIds, status: user.orgMembershipStatus };
    for (const name of [user.emailAddress, user.username]) {
      if (name) index.set(name.toLowerCase(), entry);
    }
  }
  return index;
}

const nobody: OrgPerson = { roles: [], teamIds: [], status: 'NONE' };

/** Only someone who accepted their invitation has rights: an invitation's roles and teams count for nothing before. */
function member(people: People, email: string): OrgPerson {
  const person = people.get(email.toLowerCase());
  return person?.status === 'ACTIVE' ? person : nobody;
}

function loadOrgUsers(): Promise<People> {
  return orgUsers.get('org', async () => byEmail((await getAtlas().listOrgUsers()).results));
}

function loadProjects() {
  return projects.get('org', async () => new Map((await getAtlas().listProjects()).results.map((p) => [p.id, p])));
}

function loadProjectTeams(groupId: string): Promise<TeamRoles> {
  return projectTeams.get(groupId, async () => new Map((await getAtlas().listProjectTeams(groupId)).results.map((t) => [t.id, t.roleNames])));
}

function loadTeamNames(): Promise<Map<string, string>> {
  return orgTeams.get('org', async () => new Map((await getAtlas().listOrgTeams()).results.map((t) => [t.id, t.name])));
}

/** Teams matter only to someone in a team who is not an Organization Owner, who has every right anyway. */
const teamsMatter = (person: OrgPerson, orgRoles: readonly string[]) => person.teamIds.length > 0 && !orgRoles.includes('ORG_OWNER');

const noTeams: TeamRoles = new Map();

export interface ProjectAccess extends Permissions {
  groupId: string;
  projectName: string;
  orgRoles: string[];
  /** Effective: the person's own roles in the project and those of their teams there. */
  projectRoles: string[];
}

/** The person's roles and rights in one project; a project they cannot see does not exist for them. */
export async function resolveProjectAccess(email: string, groupId: string): Promise<ProjectAccess> {
  const atlas = getAtlas();
  const [all, org] = await Promise.all([loadProjects(), loadOrgUsers()]);
  const project = all.get(groupId);
  const notFound = () => consoleError('GROUP_NOT_FOUND', groupId);
  if (!project) throw notFound();
  const person = member(org, email);
  const orgRoles = orgRolesOf(person, atlas.orgId);
  const [members, teams] = await Promise.all([
    projectUsers.get(groupId, async () => byEmail((await atlas.listProjectUsers(groupId)).results)),
    teamsMatter(person, orgRoles) ? loadProjectTeams(groupId) : noTeams,
  ]);
  const { projectRoles } = effectiveRoles({
    orgRoles,
    ownRoles: person === nobody ? [] : projectRolesOf(member(members, email), groupId),
    teamIds: person.teamIds,
    projectTeams: teams,
    teamName: (id) => id,
  });
  const permissions = decide(orgRoles, projectRoles);
  if (!permissions.canRead) throw notFound();
  return { groupId, projectName: project.name, orgRoles, projectRoles, ...permissions };
}

/** The person's roles in the organization (empty when they are not a member, or only invited). */
export async function resolveOrgRoles(email: string): Promise<string[]> {
  return orgRolesOf(member(await loadOrgUsers(), email), getAtlas().orgId);
}

/** ACTIVE for a member; PENDING, INVITATION_EXPIRED or INVITATION_REJECTED for someone invited; undefined for a stranger. */
export async function membershipOf(email: string): Promise<string | undefined> {
  const person = email.toLowerCase();
  const status = (await loadOrgUsers()).get(person)?.status;
  if (status || getAtlas().flavor === 'atlas-v2') return status;
  return (await loadInvitations()).has(person) ? 'PENDING' : undefined;
}

/** v1.0 lists members only; its pending invitations are a list of their own, read for people who are not members. */
function loadInvitations(): Promise<Set<string>> {
  return invitations.get('org', async () => new Set((await getAtlas().listOrgInvitations()).map((i) => i.username.toLowerCase())));
}

/**
 * Every project the person has a role in, their own or through a team (all of them for an Organization Owner or Read
 * Only), with what they may do there and where each role comes from. Someone in a team costs one team list per project
 * per cache period, shared by everyone; the upstream has no organization-wide list of team roles.
 */
export async function listVisibleProjects(email: string): Promise<GroupList> {
  const atlas = getAtlas();
  const [all, org, orgInfo] = await Promise.all([loadProjects(), loadOrgUsers(), orgDetails()]);
  const person = member(org, email);
  const orgRoles = orgRolesOf(person, atlas.orgId);
  const list = [...all.values()];
  const withTeams = teamsMatter(person, orgRoles);
  const [teamsByProject, teamNames] = await Promise.all([
    withTeams ? mapConcurrently(list, teamReadConcurrency, (p) => loadProjectTeams(p.id)) : list.map(() => noTeams),
    withTeams ? loadTeamNames() : new Map<string, string>(),
  ]);
  const results = list
    .map((project, i) => {
      const { projectRoles, sources } = effectiveRoles({
        orgRoles,
        ownRoles: projectRolesOf(person, project.id),
        teamIds: person.teamIds,
        projectTeams: teamsByProject[i] ?? noTeams,
        teamName: (id) => teamNames.get(id) ?? `team ${id}`,
      });
      const { canRead, canManageKeys } = decide(orgRoles, projectRoles);
      return { id: project.id, name: project.name, orgId: project.orgId, myRoles: projectRoles, roleSources: sources, canManageKeys, canRead };
    })
    .filter((p) => p.canRead)
    .map(({ canRead: _canRead, ...p }) => p)
    .sort((a, b) => a.name.localeCompare(b.name));
  return { orgId: atlas.orgId, orgName: orgInfo.name, results, totalCount: results.length };
}

export function orgDetails(): Promise<{ id: string; name: string }> {
  return orgs.get('org', () => getAtlas().getOrg());
}

/** Tests start from a cold process with this: the next request reads people, teams, projects and the organization upstream. */
export function forgetCachedAccess(): void {
  for (const cache of [orgUsers, invitations, projectUsers, projectTeams, orgTeams, projects, orgs]) cache.clear();
}
