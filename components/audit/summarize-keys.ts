// The audit summary of any set of keys and projects, counted exactly as the server counts the whole report.
import type { AuditKey, AuditReport } from '@/lib/api/audit';
import { accessGrantingRoles } from '@/lib/roles';
import { isOwnerLevel } from './analyze-report';

export function summarizeKeys(
  keys: readonly AuditKey[],
  projects: readonly { id: string }[],
  thresholds: AuditReport['thresholds'],
): AuditReport['summary'] {
  const reach = (key: AuditKey) => Object.keys(key.projects).length;
  const grantsAccess = (key: AuditKey) =>
    [...key.orgRoles, ...Object.values(key.projects).flat()].some((r) => accessGrantingRoles.includes(r));
  return {
    keys: keys.length,
    accessGrantingKeys: keys.filter(grantsAccess).length,
    keysInNoProject: keys.filter((key) => reach(key) === 0).length,
    keysInManyProjects: keys.filter((key) => reach(key) > thresholds.manyProjects).length,
    projectsWithManyOwnerKeys: projects.filter((p) => keys.filter((key) => isOwnerLevel(key, p.id)).length > thresholds.manyOwnerKeys).length,
  };
}
