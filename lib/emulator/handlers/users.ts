// People of a project or an organization with their roles, in the shape of the surface and version asked for.
import { jsonAnswer } from '../answer';
import type { Handler, RequestContext } from '../context';
import { orgFor, projectFor } from '../lookup';
import { page, parsePaging } from '../paging';
import type { SeedUser } from '../seed';

/** From this v2 version on, user lists have a new shape (`orgMembershipStatus`, roles as plain names). */
const newUserShapeVersion = '2025-02-19';

const newShape = (context: RequestContext) => context.version !== undefined && context.version >= newUserShapeVersion;

function classicUser(user: SeedUser, base: string) {
  return {
    emailAddress: user.emailAddress,
    firstName: user.firstName,
    id: user.id,
    lastName: user.lastName,
    links: [{ href: `${base}/users/${user.id}`, rel: 'self' }],
    roles: user.roles.map((r) => ({ ...r })),
    teamIds: [],
    username: user.username,
  };
}

const person = (user: SeedUser) => ({
  firstName: user.firstName,
  id: user.id,
  lastName: user.lastName,
  orgMembershipStatus: 'ACTIVE',
  username: user.username,
});

/** `?username=` narrows the list to one person (v2 documents it; harmless elsewhere). */
function matching(context: RequestContext, users: SeedUser[]): SeedUser[] {
  const wanted = context.url.searchParams.get('username')?.toLowerCase();
  return wanted ? users.filter((u) => u.username.toLowerCase() === wanted) : users;
}

export const listProjectUsers: Handler = (context) => {
  const project = projectFor(context, 'read');
  const paging = parsePaging(context.url.searchParams);
  const users = matching(context, context.state.usersIn(project.id)).map((u) =>
    newShape(context)
      ? { ...person(u), roles: u.roles.filter((r) => r.groupId === project.id).map((r) => r.roleName) }
      : classicUser(u, context.base),
  );
  return jsonAnswer(200, page(users, paging, context.url), context.how);
};

export const listOrgUsers: Handler = (context) => {
  const org = orgFor(context);
  const paging = parsePaging(context.url.searchParams);
  const projectIds = new Set(context.state.projectsOf(org.id).map((p) => p.id));
  const users = matching(context, context.state.usersOf(org.id)).map((u) => {
    if (!newShape(context)) return classicUser(u, context.base);
    const groupIds = [...new Set(u.roles.flatMap((r) => (r.groupId && projectIds.has(r.groupId) ? [r.groupId] : [])))];
    const roles = {
      orgRoles: u.roles.filter((r) => r.orgId === org.id).map((r) => r.roleName),
      groupRoleAssignments: groupIds.map((groupId) => ({
        groupId,
        groupRoles: u.roles.filter((r) => r.groupId === groupId).map((r) => r.roleName),
      })),
    };
    return { ...person(u), roles };
  });
  return jsonAnswer(200, page(users, paging, context.url), context.how);
};
