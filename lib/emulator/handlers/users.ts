// People of a project, an organization or a team with their roles, in the shape of the surface and version asked for.
import { z } from 'zod';
import { jsonAnswer } from '../answer';
import type { Handler, RequestContext } from '../context';
import { apiError } from '../errors';
import { parseObjectBody } from '../key-input';
import { orgFor, projectFor, teamFor } from '../lookup';
import { page, parsePaging } from '../paging';
import { grantsInProject } from '../roles';
import type { SeedRole, SeedUser } from '../seed';
import type { EmulatorState } from '../state';

/** From this v2 version on, user lists have a new shape (`orgMembershipStatus`, roles as names) and invitations exist. */
export const newUserShapeVersion = '2025-02-19';

const newShape = (context: RequestContext) => context.version !== undefined && context.version >= newUserShapeVersion;

const isActive = (user: SeedUser) => (user.orgMembershipStatus ?? 'ACTIVE') === 'ACTIVE';

/** The older shape knows members only: an invitation is a separate resource there (`/orgs/{id}/invites` on v1.0). */
function classicUsers(state: EmulatorState, users: SeedUser[], base: string) {
  return users.filter(isActive).map((user) => ({
    emailAddress: user.emailAddress,
    firstName: user.firstName,
    id: user.id,
    lastName: user.lastName,
    links: [{ href: `${base}/users/${user.id}`, rel: 'self' }],
    roles: user.roles.map((r) => ({ ...r })),
    teamIds: state.teamIdsOf(user),
    username: user.username,
  }));
}

/** An ObjectId starts with its creation time in seconds, which serves as the account's `createdAt`. */
const createdAt = (id: string) => new Date(Number.parseInt(id.slice(0, 8), 16) * 1000).toISOString();

/** The fields every 2025-02-19 user carries, and those the spec requires for their membership status. */
function person(user: SeedUser) {
  if (isActive(user)) {
    return { createdAt: createdAt(user.id), firstName: user.firstName, id: user.id, lastName: user.lastName, orgMembershipStatus: 'ACTIVE', username: user.username };
  }
  return {
    id: user.id,
    invitationCreatedAt: user.invitationCreatedAt,
    ...(user.invitationExpiresAt ? { invitationExpiresAt: user.invitationExpiresAt } : {}),
    inviterUsername: user.inviterUsername,
    orgMembershipStatus: user.orgMembershipStatus,
    username: user.username,
  };
}

/** OrgUserResponse: organization roles, each project's roles, and the person's teams. */
function orgUser(state: EmulatorState, user: SeedUser, orgId: string) {
  const projectIds = new Set(state.projectsOf(orgId).map((p) => p.id));
  const groupIds = [...new Set(user.roles.flatMap((r) => (r.groupId && projectIds.has(r.groupId) ? [r.groupId] : [])))];
  const roles = {
    orgRoles: user.roles.filter((r) => r.orgId === orgId).map((r) => r.roleName),
    groupRoleAssignments: groupIds.map((groupId) => ({
      groupId,
      groupRoles: user.roles.filter((r) => r.groupId === groupId).map((r) => r.roleName),
    })),
  };
  return { ...person(user), roles, teamIds: state.teamIdsOf(user) };
}

/** `?username=` narrows the list to one person (v2 documents it; harmless elsewhere). */
function matching(context: RequestContext, users: SeedUser[]): SeedUser[] {
  const wanted = context.url.searchParams.get('username')?.toLowerCase();
  return wanted ? users.filter((u) => u.username.toLowerCase() === wanted) : users;
}

export const listProjectUsers: Handler = (context) => {
  const project = projectFor(context, 'read');
  const paging = parsePaging(context.url.searchParams);
  const people = matching(context, context.state.usersIn(project.id));
  const users: unknown[] = newShape(context)
    ? people.map((u) => ({ ...person(u), roles: u.roles.filter((r) => r.groupId === project.id).map((r) => r.roleName) }))
    : classicUsers(context.state, people, context.base);
  return jsonAnswer(200, page(users, paging, context.url), context.how);
};

export const listOrgUsers: Handler = (context) => {
  const org = orgFor(context);
  const paging = parsePaging(context.url.searchParams);
  const people = matching(context, context.state.usersOf(org.id));
  const users: unknown[] = newShape(context) ? people.map((u) => orgUser(context.state, u, org.id)) : classicUsers(context.state, people, context.base);
  return jsonAnswer(200, page(users, paging, context.url), context.how);
};

/** GET /orgs/{orgId}/teams/{teamId}/users — on v2 only in the 2025-02-19 shape, the one version the spec has for it. */
export const listTeamUsers: Handler = (context) => {
  const org = orgFor(context);
  if (context.surface.versioned && !newShape(context)) throw apiError('INVALID_VERSION_DATE');
  const team = teamFor(context, org.id);
  const paging = parsePaging(context.url.searchParams);
  const people = matching(
    context,
    team.userIds.flatMap((id) => context.state.data.users.find((u) => u.id === id) ?? []),
  );
  const users: unknown[] = newShape(context) ? people.map((u) => orgUser(context.state, u, org.id)) : classicUsers(context.state, people, context.base);
  return jsonAnswer(200, page(users, paging, context.url), context.how);
};

const invitationBody = z.strictObject({
  username: z.email(),
  roles: z.strictObject({
    orgRoles: z.array(z.string()).min(1),
    groupRoleAssignments: z.array(z.strictObject({ groupId: z.string(), groupRoles: z.array(z.string()) })).optional(),
  }),
  teamIds: z.array(z.string()).optional(),
});

const orgRoleNames = new Set(['ORG_OWNER', 'ORG_MEMBER', 'ORG_GROUP_CREATOR', 'ORG_BILLING_ADMIN', 'ORG_BILLING_READ_ONLY', 'ORG_READ_ONLY']);

/** POST /orgs/{orgId}/users (v2, 2025-02-19): invites a person, who is listed as PENDING with these roles until they accept. */
export const inviteOrgUser: Handler = (context) => {
  const org = orgFor(context, 'owner');
  if (!newShape(context)) throw apiError('INVALID_VERSION_DATE');
  const parsed = invitationBody.safeParse(parseObjectBody(context.body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw apiError('VALIDATION_ERROR', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  const { username, roles, teamIds = [] } = parsed.data;
  for (const roleName of roles.orgRoles) if (!orgRoleNames.has(roleName)) throw apiError('INVALID_ROLE_FOR_ORG', roleName);
  const groupRoles: SeedRole[] = [];
  for (const { groupId, groupRoles: names } of roles.groupRoleAssignments ?? []) {
    if (context.state.project(groupId)?.orgId !== org.id) throw apiError('GROUP_NOT_FOUND', groupId);
    for (const roleName of new Set(names)) {
      if (!grantsInProject(context.surface.flavor, roleName)) throw apiError('INVALID_ROLE_FOR_GROUP', roleName);
      groupRoles.push({ groupId, roleName });
    }
  }
  for (const teamId of teamIds) if (context.state.team(teamId)?.orgId !== org.id) throw apiError('TEAM_NOT_FOUND', teamId, org.id);
  const known = context.state.userByUsername(username);
  if (known && context.state.usersOf(org.id).includes(known)) throw apiError('USER_ALREADY_IN_ORG', username, org.id);
  // One record per person: adding a member of another organization would need roles in two organizations merged.
  if (known) throw apiError('VALIDATION_ERROR', `the emulator invites only people it does not know yet, not ${username}`);
  const user = context.state.invite(org.id, { username, orgRoles: roles.orgRoles, groupRoles, teamIds, inviter: inviterOf(context) });
  return jsonAnswer(201, orgUser(context.state, user, org.id), context.how);
};

/** `inviterUsername` is an email in the spec; a key or service account has none, so it gets a name that can never be delivered to. */
const inviterOf = (context: RequestContext) => `${context.principal.kind === 'apiKey' ? 'api-key' : 'service-account'}-${context.principal.id}@emulator.invalid`;

/**
 * GET /orgs/{orgId}/invites (v1.0): the pending invitations, a plain array as Cloud Manager documents it; v1.0's user
 * lists hold members only. v2 lists invited people among the users instead (its invitation resource is deprecated).
 */
export const listOrgInvitations: Handler = (context) => {
  if (context.surface.versioned) throw apiError('RESOURCE_NOT_FOUND', context.url.pathname);
  const org = orgFor(context, 'owner');
  const invited = matching(context, context.state.usersOf(org.id)).filter((u) => u.orgMembershipStatus === 'PENDING');
  const invitations = invited.map((u) => ({
    createdAt: u.invitationCreatedAt,
    expiresAt: u.invitationExpiresAt,
    id: u.id,
    inviterUsername: u.inviterUsername,
    orgId: org.id,
    orgName: org.name,
    roles: u.roles.filter((r) => r.orgId === org.id).map((r) => r.roleName),
    teamIds: context.state.teamIdsOf(u),
    username: u.username,
  }));
  return jsonAnswer(200, invitations, context.how);
};
