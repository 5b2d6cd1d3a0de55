// Per-project key counts and highest privileges, derived from one list of the organization's keys (each carries all its roles).
import type { ApiKeyList } from '@/lib/api/schemas';
import { compareTiers, describeRole, highestTier } from '@/lib/roles';

export interface ProjectKeyStats {
  keyCount: number;
  /** The distinct roles of the highest tier any key holds in the project. */
  topRoles: string[];
}

export function projectKeyStats(keys: ApiKeyList): Map<string, ProjectKeyStats> {
  const rolesByProject = new Map<string, { keyIds: Set<string>; roles: Set<string> }>();
  for (const key of keys.results) {
    for (const role of key.roles) {
      if (!role.groupId) continue;
      let entry = rolesByProject.get(role.groupId);
      if (!entry) rolesByProject.set(role.groupId, (entry = { keyIds: new Set(), roles: new Set() }));
      entry.keyIds.add(key.id);
      entry.roles.add(role.roleName);
    }
  }
  const stats = new Map<string, ProjectKeyStats>();
  for (const [groupId, { keyIds, roles }] of rolesByProject) {
    const top = highestTier(roles);
    const topRoles = [...roles].filter((name) => compareTiers(describeRole(name).tier, top) === 0);
    stats.set(groupId, { keyCount: keyIds.size, topRoles });
  }
  return stats;
}
