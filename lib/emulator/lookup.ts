// Path parameters to the organization, project, key or service account they name, refused in the upstream's words when malformed, unknown or not the caller's.
import { isObjectId } from '@/lib/api/ids';
import type { RequestContext } from './context';
import { apiError } from './errors';
import { isOrgMember, isOrgOwner, ownsProject, projectAccess, readsWholeOrg } from './permissions';
import type { SeedApiKey, SeedOrg, SeedProject, SeedRole, SeedServiceAccount, SeedTeam } from './seed';

/** v2 rejects any id that is not 24 hex digits with PATH_PARAM_PARSE_ERROR; v1.0 with the not-found error of the resource. */
function malformed(context: RequestContext, name: string, value: string, v1Error: () => Error): never {
  throw context.surface.versioned ? apiError('PATH_PARAM_PARSE_ERROR', name, value) : v1Error();
}

/** The project of `{groupId}` if the caller may `read` it (any role there), `manage` its keys or `own` it (service accounts). */
export function projectFor(context: RequestContext, need: 'read' | 'manage' | 'own'): SeedProject {
  const groupId = context.params.groupId ?? '';
  if (!isObjectId(groupId)) malformed(context, 'groupId', groupId, () => apiError('INVALID_GROUP_ID', groupId));
  const project = context.state.project(groupId);
  if (!project) throw apiError('GROUP_NOT_FOUND', groupId);
  const access = projectAccess(context.principal.roles(), project);
  if (access === 'none') throw apiError('NOT_IN_GROUP', groupId);
  if (need === 'manage' && access !== 'manage') throw apiError('USER_UNAUTHORIZED');
  if (need === 'own' && !ownsProject(context.principal.roles(), project)) throw apiError('USER_UNAUTHORIZED');
  return project;
}

/** The organization of `{orgId}` if the caller holds any role in it (`member`), reads all of it (`reader`) or owns it (`owner`). */
export function orgFor(context: RequestContext, need: 'member' | 'reader' | 'owner' = 'member'): SeedOrg {
  const orgId = context.params.orgId ?? '';
  if (!isObjectId(orgId)) malformed(context, 'orgId', orgId, () => apiError('ORG_NOT_FOUND', orgId));
  const org = context.state.org(orgId);
  if (!org) throw apiError('ORG_NOT_FOUND', orgId);
  if (!isOrgMember(context.state, context.principal.roles(), orgId)) throw apiError('USER_UNAUTHORIZED');
  if (need === 'owner' && !isOrgOwner(context.principal.roles(), orgId)) throw apiError('USER_UNAUTHORIZED');
  if (need === 'reader' && !readsWholeOrg(context.principal.roles(), orgId)) throw apiError('USER_UNAUTHORIZED');
  return org;
}

/** The resource named by the `{name}` parameter among the organization's; one of another organization is as unknown as a missing one. */
function inOrg<T extends { orgId: string }>(
  context: RequestContext,
  name: string,
  orgId: string,
  find: (id: string) => T | undefined,
  notFound: (id: string) => Error,
): T {
  const id = context.params[name] ?? '';
  if (!isObjectId(id)) malformed(context, name, id, () => notFound(id));
  const found = find(id);
  if (!found || found.orgId !== orgId) throw notFound(id);
  return found;
}

/** The team of `{teamId}` among the organization's teams. */
export const teamFor = (context: RequestContext, orgId: string): SeedTeam =>
  inOrg(context, 'teamId', orgId, (id) => context.state.team(id), (id) => apiError('TEAM_NOT_FOUND', id, orgId));

/** The key of `{apiKeyId}` among the organization's keys. */
export const orgKeyFor = (context: RequestContext, orgId: string, where: string): SeedApiKey =>
  inOrg(context, 'apiKeyId', orgId, (id) => context.state.key(id), (id) => apiError('API_KEY_NOT_FOUND', id, where));

/** Whether a key or service account holds a role in the project. */
export const inProject = (holder: { roles: readonly SeedRole[] }, project: SeedProject): boolean => holder.roles.some((r) => r.groupId === project.id);

/** The service account of `{clientId}` among the organization's; one of another organization is as unknown as a missing one. */
export function serviceAccountFor(context: RequestContext, orgId: string, where: string): SeedServiceAccount {
  const clientId = context.params.clientId ?? '';
  const account = context.state.serviceAccount(clientId);
  if (!account || account.orgId !== orgId) throw apiError('SERVICE_ACCOUNT_NOT_FOUND', clientId, where);
  return account;
}

/** The service account of `{clientId}` if it holds a role in the project; one that does not is as unknown there as a missing one. */
export function projectServiceAccountFor(context: RequestContext, project: SeedProject): SeedServiceAccount {
  const account = serviceAccountFor(context, project.orgId, `project ${project.id}`);
  if (!inProject(account, project)) throw apiError('SERVICE_ACCOUNT_NOT_FOUND', account.clientId, `project ${project.id}`);
  return account;
}
