// Per-project key counts, highest privileges and access-granting keys, derived from one list of the organization's keys (each carries all its roles).
import type { ApiKeyList } from '@/lib/api/schemas';
import { compareTiers, describeRole, highestTier, keyManagerProjectRoles } from '@/lib/roles';

export interface ProjectKeyStats {
  keyCount: number;
  /** The distinct roles of the highest tier any key holds in the project. */
  topRoles: string[];
  /** Keys that can grant access here: Project Owner or Project User Admin grants made in the project. */
  accessKeys: number;
  /** Project Owner grants made in the project. */
  ownerKeys: number;
}

export function projectKeyStats(keys: ApiKeyList): Map<string, ProjectKeyStats> {
  const byProject = new Map<string, { keyIds: Set<string>; roles: Set<string>; access: Set<string>; owners: Set<string> }>();
  for (const key of keys.results) {
    for (const role of key.roles) {
      if (!role.groupId) continue;
      let entry = byProject.get(role.groupId);
      if (!entry) byProject.set(role.groupId, (entry = { keyIds: new Set(), roles: new Set(), access: new Set(), owners: new Set() }));
      entry.keyIds.add(key.id);
      entry.roles.add(role.roleName);
      if (keyManagerProjectRoles.includes(role.roleName)) entry.access.add(key.id);
      if (role.roleName === 'GROUP_OWNER') entry.owners.add(key.id);
    }
  }
  const stats = new Map<string, ProjectKeyStats>();
  for (const [groupId, { keyIds, roles, access, owners }] of byProject) {
    const top = highestTier(roles);
    const topRoles = [...roles].filter((name) => compareTiers(describeRole(name).tier, top) === 0);
    stats.set(groupId, { keyCount: keyIds.size, topRoles, accessKeys: access.size, ownerKeys: owners.size });
  }
  return stats;
}

export const projectSorts = ['name', 'keys', 'risk'] as const;
export type ProjectSort = (typeof projectSorts)[number];

const none: ProjectKeyStats = { keyCount: 0, topRoles: [], accessKeys: 0, ownerKeys: 0 };

/** Most keys first, or riskiest first (most keys that can grant access, then most owners, then most keys); ties by name. */
export function sortProjects<P extends { id: string; name: string }>(projects: readonly P[], stats: ReadonlyMap<string, ProjectKeyStats> | undefined, sort: ProjectSort): P[] {
  const of = (p: P) => stats?.get(p.id) ?? none;
  const byName = (a: P, b: P) => a.name.localeCompare(b.name);
  const compare: Record<ProjectSort, (a: P, b: P) => number> = {
    name: byName,
    keys: (a, b) => of(b).keyCount - of(a).keyCount || byName(a, b),
    risk: (a, b) => of(b).accessKeys - of(a).accessKeys || of(b).ownerKeys - of(a).ownerKeys || of(b).keyCount - of(a).keyCount || byName(a, b),
  };
  return [...projects].sort(compare[sort]);
}
