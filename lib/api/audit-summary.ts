// The audit's counts, one definition for the server's report and the page's filtered views and exports.
import { accessGrantingRoles } from '@/lib/roles';
import type { AuditKey, AuditReport } from './audit';

/** Owner-level in a project: Project Owner there, or Organization Owner (owner rights everywhere). */
export function isOwnerLevel(key: AuditKey, groupId: string): boolean {
  return key.orgRoles.includes('ORG_OWNER') || (key.projects[groupId]?.includes('GROUP_OWNER') ?? false);
}

/** groupId → owner-level keys there, in one pass over the keys (500 keys × 200 projects stays cheap). */
export function ownerKeysPerProject(keys: readonly AuditKey[], projects: readonly { id: string }[]): Map<string, number> {
  let orgOwners = 0;
  const projectOwners = new Map<string, number>();
  for (const key of keys) {
    if (key.orgRoles.includes('ORG_OWNER')) {
      orgOwners += 1;
      continue;
    }
    for (const [groupId, roles] of Object.entries(key.projects)) {
      if (roles.includes('GROUP_OWNER')) projectOwners.set(groupId, (projectOwners.get(groupId) ?? 0) + 1);
    }
  }
  return new Map(projects.map((p) => [p.id, orgOwners + (projectOwners.get(p.id) ?? 0)]));
}

export function summarizeKeys(
  keys: readonly AuditKey[],
  projects: readonly { id: string }[],
  thresholds: AuditReport['thresholds'],
): AuditReport['summary'] {
  const reach = (key: AuditKey) => Object.keys(key.projects).length;
  const grantsAccess = (key: AuditKey) =>
    key.orgRoles.some((r) => accessGrantingRoles.includes(r)) ||
    Object.values(key.projects).some((roles) => roles.some((r) => accessGrantingRoles.includes(r)));
  return {
    keys: keys.length,
    accessGrantingKeys: keys.filter(grantsAccess).length,
    keysInNoProject: keys.filter((key) => reach(key) === 0).length,
    keysInManyProjects: keys.filter((key) => reach(key) > thresholds.manyProjects).length,
    projectsWithManyOwnerKeys: [...ownerKeysPerProject(keys, projects).values()].filter((count) => count > thresholds.manyOwnerKeys).length,
  };
}
