// The Admin API's five operations on a project's API keys, each mutation recorded in the change history.
import 'server-only';
import type { ApiKey, CreateKeyBody, UpdateRolesBody } from '@/lib/api/schemas';
import { projectRolesOf, sameRoles } from '@/lib/api/role-assignments';
import type { Person } from '@/lib/auth/session';
import { recordChange } from '@/lib/history/record-change';
import { isGrantable } from '@/lib/roles';
import { consoleError } from '@/lib/console-errors';
import { exclusively } from './keyed-lock';
import { getAtlas, getChangeStore, readCurrentRoles } from '@/lib/services';
import { listWithVisibleRoles, visibleProjectsOf, withVisibleRoles } from './visible-roles';

/**
 * Only roles of the upstream flavor's catalog can be granted (to a key or a service account); known from the client,
 * so checked here rather than in the body's schema.
 */
export function checkGrantable(roles: string[]): void {
  const { flavor } = getAtlas();
  const i = roles.findIndex((role) => !isGrantable(flavor, role));
  if (i >= 0) {
    throw consoleError('INVALID_ROLE_FOR_GROUP', 'body', `roles.${i}: ${roles[i]} is not a project role that can be granted on ${flavor}`);
  }
}

const success = (groupId: string) => (key: ApiKey) => ({
  apiKeyId: key.id,
  publicKey: key.publicKey,
  rolesAfter: projectRolesOf(key, groupId),
});

export async function listProjectKeys(person: Person, groupId: string) {
  const [keys, visible] = await Promise.all([getAtlas().listProjectKeys(groupId), visibleProjectsOf(person)]);
  return listWithVisibleRoles(keys, visible);
}

export async function createProjectKey(person: Person, groupId: string, body: CreateKeyBody): Promise<ApiKey> {
  checkGrantable(body.roles);
  const intent = { actor: person.email, action: 'create', groupId, keyDesc: body.desc, rolesBefore: [], rolesAfter: body.roles } as const;
  const created = await recordChange(await getChangeStore(), intent, () => getAtlas().createProjectKey(groupId, body), success(groupId));
  return withVisibleRoles(created, await visibleProjectsOf(person));
}

/** Assigns an organization key to the project, or replaces its roles there when it already has some. */
export async function setKeyRoles(person: Person, groupId: string, apiKeyId: string, body: UpdateRolesBody): Promise<ApiKey> {
  checkGrantable(body.roles);
  const updated = await exclusively(apiKeyId, async () => {
    const atlas = getAtlas();
    const key = await atlas.getOrgKey(apiKeyId);
    const before = projectRolesOf(key, groupId);
    if (body.expectedRoles && !sameRoles(before, body.expectedRoles)) throw consoleError('ROLES_CHANGED', `key ${key.publicKey}`, before);
    const assigned = before.length > 0;
    const intent = {
      actor: person.email,
      action: assigned ? 'update_roles' : 'assign',
      groupId,
      apiKeyId,
      publicKey: key.publicKey,
      keyDesc: key.desc,
      rolesBefore: before,
      rolesAfter: [...body.roles].sort(),
    } as const;
    const write = () => (assigned ? atlas.updateKeyRoles(groupId, apiKeyId, body.roles) : atlas.assignKey(groupId, apiKeyId, body.roles));
    return recordChange(await getChangeStore(), intent, write, success(groupId), readCurrentRoles);
  });
  return withVisibleRoles(updated, await visibleProjectsOf(person));
}

/** Removes the key from the project; it stays in the organization and in its other projects. */
export function unassignProjectKey(person: Person, groupId: string, apiKeyId: string): Promise<void> {
  return exclusively(apiKeyId, async () => {
    const atlas = getAtlas();
    const key = await atlas.getOrgKey(apiKeyId);
    const before = projectRolesOf(key, groupId);
    if (before.length === 0) throw consoleError('API_KEY_NOT_IN_GROUP', key.publicKey);
    const intent = {
      actor: person.email,
      action: 'unassign',
      groupId,
      apiKeyId,
      publicKey: key.publicKey,
      keyDesc: key.desc,
      rolesBefore: before,
      rolesAfter: [],
    } as const;
    await recordChange(await getChangeStore(), intent, () => atlas.unassignKey(groupId, apiKeyId), () => ({}), readCurrentRoles);
  });
}
