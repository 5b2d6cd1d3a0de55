// The resources each surface serves and how a method and path find their handler.
import type { Handler } from './context';
import { listOrgKeys, getOrgKey, listAccessList } from './handlers/org-keys';
import { listOrgEvents, listProjectEvents } from './handlers/events';
import { getOrg, listOrgs } from './handlers/orgs';
import { assignProjectKey, createProjectKey, listProjectKeys, patchProjectKey, unassignProjectKey } from './handlers/project-keys';
import { getProject, listOrgProjects, listProjects } from './handlers/projects';
import { addProjectTeams, createOrgTeam, listOrgTeams, listProjectTeams } from './handlers/teams';
import { inviteOrgUser, listOrgInvitations, listOrgUsers, listProjectUsers, listTeamUsers } from './handlers/users';
import type { Surface } from './surfaces';

interface Route {
  method: string;
  /** Segments; `{name}` is a path parameter. */
  pattern: string[];
  handler: Handler;
  /** Operations that exist on Atlas v2 only. */
  v2Only?: boolean;
}

const route = (method: string, pattern: string, handler: Handler, v2Only = false): Route => ({
  method,
  pattern: pattern.split('/').slice(1),
  handler,
  v2Only,
});

const routes: Route[] = [
  route('GET', '/orgs', listOrgs),
  route('GET', '/orgs/{orgId}', getOrg),
  route('GET', '/orgs/{orgId}/groups', listOrgProjects),
  route('GET', '/orgs/{orgId}/apiKeys', listOrgKeys),
  route('GET', '/orgs/{orgId}/apiKeys/{apiKeyId}', getOrgKey),
  route('GET', '/orgs/{orgId}/apiKeys/{apiKeyId}/accessList', listAccessList),
  route('GET', '/orgs/{orgId}/users', listOrgUsers),
  route('POST', '/orgs/{orgId}/users', inviteOrgUser, true),
  route('GET', '/orgs/{orgId}/invites', listOrgInvitations),
  route('GET', '/orgs/{orgId}/teams', listOrgTeams),
  route('POST', '/orgs/{orgId}/teams', createOrgTeam),
  route('GET', '/orgs/{orgId}/teams/{teamId}/users', listTeamUsers),
  route('GET', '/orgs/{orgId}/events', listOrgEvents),
  route('GET', '/groups/{groupId}/events', listProjectEvents),
  route('GET', '/groups', listProjects),
  route('GET', '/groups/{groupId}', getProject),
  route('GET', '/groups/{groupId}/users', listProjectUsers),
  route('GET', '/groups/{groupId}/teams', listProjectTeams),
  route('POST', '/groups/{groupId}/teams', addProjectTeams),
  route('GET', '/groups/{groupId}/apiKeys', listProjectKeys),
  route('POST', '/groups/{groupId}/apiKeys', createProjectKey),
  route('PATCH', '/groups/{groupId}/apiKeys/{apiKeyId}', patchProjectKey),
  route('POST', '/groups/{groupId}/apiKeys/{apiKeyId}', assignProjectKey, true),
  route('DELETE', '/groups/{groupId}/apiKeys/{apiKeyId}', unassignProjectKey),
];

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The handler for `method` on `resource` (the path after the surface prefix) and its path parameters, if any. */
export function findRoute(surface: Surface, method: string, resource: string): { handler: Handler; params: Record<string, string> } | undefined {
  const segments = resource.split('/').slice(1);
  for (const candidate of routes) {
    if (candidate.method !== method || candidate.pattern.length !== segments.length) continue;
    if (candidate.v2Only && !surface.versioned) continue;
    const params: Record<string, string> = {};
    const matches = candidate.pattern.every((part, i) => {
      const actual = segments[i] ?? '';
      if (part.startsWith('{')) {
        params[part.slice(1, -1)] = decode(actual);
        return actual !== '';
      }
      return part === actual;
    });
    if (matches) return { handler: candidate.handler, params };
  }
  return undefined;
}
