// What a row of the keys table shows about one key, computed once per list rather than in every render of a row.
import { orgRolesOf, projectRolesOf } from '@/lib/api/role-assignments';
import type { ApiKey } from '@/lib/api/schemas';

export interface KeyRowModel {
  key: ApiKey;
  /** The key's roles in this project. */
  roles: string[];
  /** Other projects the key has roles in, each with those roles. */
  otherProjects: { groupId: string; roles: string[] }[];
  orgRoles: string[];
  /** A row put in by an optimistic update whose request has not answered yet. */
  pending: boolean;
}

/** Ids of rows added before the server answered; they have no actions until it has. */
export const pendingIdPrefix = 'pending:';

export function toRowModel(key: ApiKey, groupId: string, orgId: string): KeyRowModel {
  const others = new Map<string, string[]>();
  for (const role of key.roles) {
    if (!role.groupId || role.groupId === groupId) continue;
    others.set(role.groupId, [...(others.get(role.groupId) ?? []), role.roleName]);
  }
  return {
    key,
    roles: projectRolesOf(key, groupId),
    otherProjects: [...others].map(([id, roles]) => ({ groupId: id, roles })),
    orgRoles: orgRolesOf(key, orgId),
    pending: key.id.startsWith(pendingIdPrefix),
  };
}

/** Search matches the description or the public key (people mix them up), case-insensitively; the role filter is exact. */
export function filterRows(rows: readonly KeyRowModel[], search: string, role: string): KeyRowModel[] {
  const needle = search.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!role || row.roles.includes(role)) &&
      (!needle || row.key.desc.toLowerCase().includes(needle) || row.key.publicKey.toLowerCase().includes(needle) || row.key.id === needle),
  );
}
