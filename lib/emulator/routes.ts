// The resources each surface serves and how a method and path find their handler.
import type { Handler } from './context';
import { listOrgKeys, getOrgKey, listAccessList } from './handlers/org-keys';
import { listOrgEvents, listProjectEvents } from './handlers/events';
import { getOrg } from './handlers/orgs';
import { assignProjectKey, createProjectKey, listProjectKeys, patchProjectKey, unassignProjectKey } from './handlers/project-keys';
import { getProject, listOrgProjects } from './handlers/projects';
import {
  createProjectSecret,
  createProjectServiceAccount,
  deleteProjectSecret,
  getOrgServiceAccount,
  getProjectServiceAccount,
  inviteProjectServiceAccount,
  listOrgServiceAccounts,
  listProjectServiceAccounts,
  listServiceAccountProjects,
  patchProjectServiceAccount,
  removeProjectServiceAccount,
} from './handlers/service-accounts';
import {
  addOrgServiceAccountAccessList,
  addServiceAccountAccessList,
  deleteOrgServiceAccountAccessListEntry,
  deleteServiceAccountAccessListEntry,
  listOrgServiceAccountAccessList,
  listServiceAccountAccessList,
} from './handlers/service-account-access-list';
import { addProjectTeams, createOrgTeam, listOrgTeams, listProjectTeams } from './handlers/teams';
import { inviteOrgUser, listOrgInvitations, listOrgUsers, listProjectUsers, listTeamUsers } from './handlers/users';
import type { Surface } from './surfaces';

interface Route {
  method: string;
  /** Segments; `{name}` is a path parameter, `{name}:verb` one followed by a custom method. */
  pattern: string[];
  handler: Handler;
  /** all: every surface; v2: Atlas v2 only; cloud: Atlas v2 and Cloud Manager, not Atlas v1.0 (service accounts). */
  on: 'all' | 'v2' | 'cloud';
}

const route = (method: string, pattern: string, handler: Handler, on: Route['on'] = 'all'): Route => ({
  method,
  pattern: pattern.split('/').slice(1),
  handler,
  on,
});

const offered = (on: Route['on'], surface: Surface) => on === 'all' || surface.versioned || (on === 'cloud' && surface.flavor === 'cloud-manager');

const routes: Route[] = [
  route('GET', '/orgs/{orgId}', getOrg),
  route('GET', '/orgs/{orgId}/groups', listOrgProjects),
  route('GET', '/orgs/{orgId}/apiKeys', listOrgKeys),
  route('GET', '/orgs/{orgId}/apiKeys/{apiKeyId}', getOrgKey),
  route('GET', '/orgs/{orgId}/apiKeys/{apiKeyId}/accessList', listAccessList),
  route('GET', '/orgs/{orgId}/users', listOrgUsers),
  route('POST', '/orgs/{orgId}/users', inviteOrgUser, 'v2'),
  route('GET', '/orgs/{orgId}/invites', listOrgInvitations),
  route('GET', '/orgs/{orgId}/teams', listOrgTeams),
  route('POST', '/orgs/{orgId}/teams', createOrgTeam),
  route('GET', '/orgs/{orgId}/teams/{teamId}/users', listTeamUsers),
  route('GET', '/orgs/{orgId}/events', listOrgEvents),
  route('GET', '/groups/{groupId}/events', listProjectEvents),
  route('GET', '/groups/{groupId}', getProject),
  route('GET', '/groups/{groupId}/users', listProjectUsers),
  route('GET', '/groups/{groupId}/teams', listProjectTeams),
  route('POST', '/groups/{groupId}/teams', addProjectTeams),
  route('GET', '/groups/{groupId}/apiKeys', listProjectKeys),
  route('POST', '/groups/{groupId}/apiKeys', createProjectKey),
  route('PATCH', '/groups/{groupId}/apiKeys/{apiKeyId}', patchProjectKey),
  route('POST', '/groups/{groupId}/apiKeys/{apiKeyId}', assignProjectKey, 'v2'),
  route('GET', '/orgs/{orgId}/serviceAccounts', listOrgServiceAccounts, 'cloud'),
  route('GET', '/orgs/{orgId}/serviceAccounts/{clientId}', getOrgServiceAccount, 'cloud'),
  route('GET', '/orgs/{orgId}/serviceAccounts/{clientId}/groups', listServiceAccountProjects, 'cloud'),
  route('GET', '/orgs/{orgId}/serviceAccounts/{clientId}/accessList', listOrgServiceAccountAccessList, 'cloud'),
  route('POST', '/orgs/{orgId}/serviceAccounts/{clientId}/accessList', addOrgServiceAccountAccessList, 'cloud'),
  route('DELETE', '/orgs/{orgId}/serviceAccounts/{clientId}/accessList/{ipAddress}', deleteOrgServiceAccountAccessListEntry, 'cloud'),
  route('GET', '/groups/{groupId}/serviceAccounts', listProjectServiceAccounts, 'cloud'),
  route('POST', '/groups/{groupId}/serviceAccounts', createProjectServiceAccount, 'cloud'),
  route('GET', '/groups/{groupId}/serviceAccounts/{clientId}', getProjectServiceAccount, 'cloud'),
  route('PATCH', '/groups/{groupId}/serviceAccounts/{clientId}', patchProjectServiceAccount, 'cloud'),
  route('DELETE', '/groups/{groupId}/serviceAccounts/{clientId}', removeProjectServiceAccount, 'cloud'),
  route('POST', '/groups/{groupId}/serviceAccounts/{clientId}:invite', inviteProjectServiceAccount, 'cloud'),
  route('POST', '/groups/{groupId}/serviceAccounts/{clientId}/secrets', createProjectSecret, 'cloud'),
  route('DELETE', '/groups/{groupId}/serviceAccounts/{clientId}/secrets/{secretId}', deleteProjectSecret, 'cloud'),
  route('GET', '/groups/{groupId}/serviceAccounts/{clientId}/accessList', listServiceAccountAccessList, 'cloud'),
  route('POST', '/groups/{groupId}/serviceAccounts/{clientId}/accessList', addServiceAccountAccessList, 'cloud'),
  route('DELETE', '/groups/{groupId}/serviceAccounts/{clientId}/accessList/{ipAddress}', deleteServiceAccountAccessListEntry, 'cloud'),
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
    if (!offered(candidate.on, surface)) continue;
    const params: Record<string, string> = {};
    const matches = candidate.pattern.every((part, i) => {
      const actual = decode(segments[i] ?? '');
      const parameter = /^\{(\w+)\}(:\w+)?$/.exec(part);
      if (!parameter) return part === actual;
      const [, name = '', verb = ''] = parameter;
      if (!actual.endsWith(verb)) return false;
      const value = actual.slice(0, actual.length - verb.length);
      params[name] = value;
      return value !== '';
    });
    if (matches) return { handler: candidate.handler, params };
  }
  return undefined;
}
