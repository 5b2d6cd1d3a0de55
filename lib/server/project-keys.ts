// The seed's five operations on a project's API keys, each mutation recorded in the change history.
import 'server-only';
import type { ApiKey, CreateKeyBody, UpdateRolesBody } from '@/lib/api/schemas';
import { projectRolesOf, sameRoles } from '@/lib/api/role-assignments';
import type { Person } from '@/lib/auth/session';
import { recordChange } from '@/lib/audit/record-change';
import { ApiError } from './api-error';
import { exclusively } from './keyed-lock';
import { getAtlas, getChangeStore, readCurrentRoles } from './services';
import { listWithVisibleRoles, visibleProjectsOf, withVisibleRoles } from './visible-roles';

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
  const intent = { actor: person.email, action: 'create', groupId, keyDesc: body.desc, rolesBefore: [], rolesAfter: body.roles } as const;
  const created = await recordChange(await getChangeStore(), intent, () => getAtlas().createProjectKey(groupId, body), success(groupId));
  return withVisibleRoles(created, await visibleProjectsOf(person));
}

/** Assigns an organization key to the project, or replaces its roles there when it already has some. */
export async function setKeyRoles(person: Person, groupId: string, apiKeyId: string, body: UpdateRolesBody): Promise<ApiKey> {
  const updated = await exclusively(apiKeyId, async () => {
    const atlas = getAtlas();
    const key = await atlas.getOrgKey(apiKeyId);
    const before = projectRolesOf(key, groupId);
    if (body.expectedRoles && !sameRoles(before, body.expectedRoles)) {
      throw new ApiError(
        409,
        'ROLES_CHANGED',
        `The roles of key ${key.publicKey} in this project changed since you opened it (now: ${before.join(', ') || 'not assigned'}). Reload and try again.`,
        { currentRoles: before },
      );
    }
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
    if (before.length === 0) {
      throw new ApiError(404, 'API_KEY_NOT_IN_GROUP', `The key ${key.publicKey} is not assigned to this project.`);
    }
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
