// Who the signed-in person is upstream and what the seed's table lets them do, from briefly cached user lists.
import 'server-only';
import type { GroupList, RoleAssignment } from '@/lib/api/schemas';
import { orgRolesOf, projectRolesOf } from '@/lib/api/role-assignments';
import { getAtlas } from '@/lib/server/services';
import { ApiError } from '@/lib/server/api-error';
import { processSingleton } from '@/lib/server/process-singleton';
import { decide, type Permissions } from './permissions';
import { TtlCache } from './ttl-cache';

/** Role changes upstream reach the console within this time; a page view meanwhile costs no extra call. */
const roleCacheMs = 30_000;

type RolesByEmail = Map<string, RoleAssignment[]>;

// Shared by pages and route handlers, which Next.js may load as separate module instances.
const { orgUsers, projectUsers, projects, orgs } = processSingleton('access-caches', () => ({
  orgUsers: new TtlCache<RolesByEmail>(roleCacheMs, 4),
  projectUsers: new TtlCache<RolesByEmail>(roleCacheMs),
  projects: new TtlCache<Map<string, { id: string; name: string; orgId: string }>>(roleCacheMs, 4),
  orgs: new TtlCache<{ id: string; name: string }>(5 * 60_000, 1),
}));

function byEmail(users: readonly { username: string; emailAddress?: string; roles: RoleAssignment[] }[]): RolesByEmail {
  const index: RolesByEmail = new Map();
  for (const user of users) {
    for (const name of [user.emailAddress, user.username]) {
      if (name) index.set(name.toLowerCase(), user.roles);
    }
  }
  return index;
}

function loadOrgUsers(): Promise<RolesByEmail> {
  return orgUsers.get('org', async () => byEmail((await getAtlas().listOrgUsers()).results));
}

function loadProjects() {
  return projects.get('org', async () => new Map((await getAtlas().listProjects()).results.map((p) => [p.id, p])));
}

export interface ProjectAccess extends Permissions {
  groupId: string;
  projectName: string;
  orgRoles: string[];
  projectRoles: string[];
}

/** The person's roles and rights in one project; a project they cannot see does not exist for them. */
export async function resolveProjectAccess(email: string, groupId: string): Promise<ProjectAccess> {
  const atlas = getAtlas();
  const [all, org] = await Promise.all([loadProjects(), loadOrgUsers()]);
  const project = all.get(groupId);
  const notFound = () => new ApiError(404, 'GROUP_NOT_FOUND', `No project with ID ${groupId} exists or is visible to you.`);
  if (!project) throw notFound();
  const members = await projectUsers.get(groupId, async () => byEmail((await atlas.listProjectUsers(groupId)).results));
  const person = email.toLowerCase();
  const orgRoles = orgRolesOf({ roles: org.get(person) ?? [] }, atlas.orgId);
  const projectRoles = projectRolesOf({ roles: members.get(person) ?? [] }, groupId);
  const permissions = decide(orgRoles, projectRoles);
  if (!permissions.canRead) throw notFound();
  return { groupId, projectName: project.name, orgRoles, projectRoles, ...permissions };
}

/** The person's roles in the organization (empty when they are not a member). */
export async function resolveOrgRoles(email: string): Promise<string[]> {
  const org = await loadOrgUsers();
  return orgRolesOf({ roles: org.get(email.toLowerCase()) ?? [] }, getAtlas().orgId);
}

/** Every project the person has a role in (all of them for an Organization Owner), with what they may do there. */
export async function listVisibleProjects(email: string): Promise<GroupList> {
  const atlas = getAtlas();
  const [all, org, orgInfo] = await Promise.all([loadProjects(), loadOrgUsers(), orgDetails()]);
  const roles = org.get(email.toLowerCase()) ?? [];
  const orgRoles = orgRolesOf({ roles }, atlas.orgId);
  const results = [...all.values()]
    .map((project) => {
      const myRoles = projectRolesOf({ roles }, project.id);
      const { canRead, canManageKeys } = decide(orgRoles, myRoles);
      return { id: project.id, name: project.name, orgId: project.orgId, myRoles, canManageKeys, canRead };
    })
    .filter((p) => p.canRead)
    .map(({ canRead: _canRead, ...p }) => p)
    .sort((a, b) => a.name.localeCompare(b.name));
  return { orgId: atlas.orgId, orgName: orgInfo.name, results, totalCount: results.length };
}

export function orgDetails(): Promise<{ id: string; name: string }> {
  return orgs.get('org', () => getAtlas().getOrg());
}

/** Tests start from a cold process with this: the next request reads people, projects and the organization upstream. */
export function forgetCachedAccess(): void {
  for (const cache of [orgUsers, projectUsers, projects, orgs]) cache.clear();
}
