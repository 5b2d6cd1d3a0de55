// Teams: an organization's teams and their members, and the roles teams hold in a project (every member has them).
import { z } from 'zod';
import { jsonAnswer } from '../answer';
import type { Handler, RequestContext } from '../context';
import { apiError } from '../errors';
import { parseJsonBody, parseObjectBody } from '../key-input';
import { orgFor, projectFor } from '../lookup';
import { page, parsePaging } from '../paging';
import { grantsInProject } from '../roles';
import type { SeedTeam } from '../seed';

const teamLinks = (context: RequestContext, team: SeedTeam) => [{ href: `${context.base}/orgs/${team.orgId}/teams/${team.id}`, rel: 'self' }];

function invalid(error: z.ZodError): never {
  const issue = error.issues[0];
  throw apiError('VALIDATION_ERROR', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
}

/** GET /orgs/{orgId}/teams — TeamResponse: id, name, links. */
export const listOrgTeams: Handler = (context) => {
  const org = orgFor(context);
  const paging = parsePaging(context.url.searchParams);
  const teams = context.state.teamsOf(org.id).map((t) => ({ id: t.id, links: teamLinks(context, t), name: t.name }));
  return jsonAnswer(200, page(teams, paging, context.url), context.how);
};

const teamBody = z.strictObject({
  name: z.string().trim().min(1),
  usernames: z.array(z.email()).refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, 'usernames must not repeat'),
});

/** POST /orgs/{orgId}/teams — `{name, usernames}`, members of the organization; answers 200 with the Team. */
export const createOrgTeam: Handler = (context) => {
  const org = orgFor(context, 'owner');
  const parsed = teamBody.safeParse(parseObjectBody(context.body));
  if (!parsed.success) invalid(parsed.error);
  const { name, usernames } = parsed.data;
  const members = context.state.usersOf(org.id);
  const userIds = usernames.map((username) => {
    const user = context.state.userByUsername(username);
    if (!user || !members.includes(user)) throw apiError('USER_NOT_FOUND', username);
    return user.id;
  });
  if (context.state.teamsOf(org.id).some((t) => t.name.toLowerCase() === name.toLowerCase())) throw apiError('DUPLICATE_TEAM_NAME', name);
  const team = context.state.createTeam(org.id, name, userIds);
  return jsonAnswer(200, { id: team.id, links: teamLinks(context, team), name: team.name, usernames: members.filter((u) => team.userIds.includes(u.id)).map((u) => u.username) }, context.how);
};

const teamRoleLinks = (context: RequestContext, groupId: string, teamId: string) => [
  { href: `${context.base}/groups/${groupId}/teams/${teamId}`, rel: 'self' },
];

/** GET /groups/{groupId}/teams — TeamRole: the team's id and its role names in this project. */
export const listProjectTeams: Handler = (context) => {
  const project = projectFor(context, 'read');
  const paging = parsePaging(context.url.searchParams);
  const teams = context.state.teamsIn(project.id).map((t) => ({
    links: teamRoleLinks(context, project.id, t.id),
    roleNames: t.roles.filter((r) => r.groupId === project.id).map((r) => r.roleName),
    teamId: t.id,
  }));
  return jsonAnswer(200, page(teams, paging, context.url), context.how);
};

const teamRolesBody = z.array(z.strictObject({ teamId: z.string(), roleNames: z.array(z.string()) })).min(1);

/** POST /groups/{groupId}/teams — `[{teamId, roleNames}]` gives teams of the project's organization roles there; answers 200 with them. */
export const addProjectTeams: Handler = (context) => {
  const project = projectFor(context, 'manage');
  const parsed = teamRolesBody.safeParse(parseJsonBody(context.body));
  if (!parsed.success) invalid(parsed.error);
  const grants = parsed.data.map(({ teamId, roleNames }) => {
    const team = context.state.team(teamId);
    if (!team || team.orgId !== project.orgId) throw apiError('TEAM_NOT_FOUND', teamId, project.orgId);
    if (team.roles.some((r) => r.groupId === project.id)) {
      throw apiError('VALIDATION_ERROR', `team ${teamId} already has roles in project ${project.id}; change them with PATCH /groups/${project.id}/teams/${teamId}`);
    }
    if (roleNames.length === 0) throw apiError('VALIDATION_ERROR', `team ${teamId} needs at least one role`);
    for (const roleName of roleNames) {
      if (roleName.startsWith('ORG_')) throw apiError('CANNOT_ADD_ORG_ROLE', roleName);
      if (!grantsInProject(context.surface.flavor, roleName)) throw apiError('INVALID_ROLE_FOR_GROUP', roleName);
    }
    return { team, roleNames };
  });
  if (new Set(grants.map((g) => g.team.id)).size !== grants.length) throw apiError('VALIDATION_ERROR', 'a team appears twice');
  for (const { team, roleNames } of grants) context.state.setTeamProjectRoles(team, project.id, roleNames);
  const results = grants.map(({ team }) => ({
    links: teamRoleLinks(context, project.id, team.id),
    roleNames: team.roles.filter((r) => r.groupId === project.id).map((r) => r.roleName),
    teamId: team.id,
  }));
  return jsonAnswer(200, { links: [{ href: context.url.toString(), rel: 'self' }], results, totalCount: results.length }, context.how);
};
