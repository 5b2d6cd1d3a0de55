// Per-key facts the matrix filters and sorts on: reach, highest tier, risk reasons; and the over-owned projects.
import type { AuditKey, AuditReport } from '@/lib/api/audit';
import { isOwnerLevel, ownerKeysPerProject } from '@/lib/api/audit-summary';
import { accessGrantingRoles, highestTier, type RoleTier } from '@/lib/roles';

export const riskReasons = ['grants-access', 'many-projects', 'over-owned-project'] as const;
export type RiskReason = (typeof riskReasons)[number];

export const riskLabels: Record<RiskReason, string> = {
  'grants-access': 'Can grant access (Owner, User Admin or Organization Owner)',
  'many-projects': 'Reaches many projects',
  'over-owned-project': 'Owner-level in a project with too many owner-level keys',
};

export interface AuditRow {
  key: AuditKey;
  /** Projects in which the key holds any role. */
  reach: number;
  /** The highest tier among all its roles, organization roles included. */
  tier: RoleTier | undefined;
  /** How many access-granting roles it holds across the organization and its projects. */
  accessRoles: number;
  risks: RiskReason[];
}

export interface ReportAnalysis {
  rows: AuditRow[];
  /** groupId → number of owner-level keys there (Project Owner there, or Organization Owner). */
  ownerKeys: Map<string, number>;
  overOwnedProjects: Set<string>;
}

export function analyzeReport(report: AuditReport): ReportAnalysis {
  const ownerKeys = ownerKeysPerProject(report.keys, report.projects);
  const overOwnedProjects = new Set(
    report.projects.filter((p) => (ownerKeys.get(p.id) ?? 0) > report.thresholds.manyOwnerKeys).map((p) => p.id),
  );
  const overOwned = [...overOwnedProjects];
  const rows = report.keys.map((key): AuditRow => {
    const projectRoles = Object.values(key.projects).flat();
    const allRoles = [...key.orgRoles, ...projectRoles];
    const reach = Object.keys(key.projects).length;
    const accessRoles = allRoles.filter((r) => accessGrantingRoles.includes(r)).length;
    const risks: RiskReason[] = [];
    if (accessRoles > 0) risks.push('grants-access');
    if (reach > report.thresholds.manyProjects) risks.push('many-projects');
    if (overOwned.some((groupId) => isOwnerLevel(key, groupId))) risks.push('over-owned-project');
    return { key, reach, tier: highestTier(allRoles), accessRoles, risks };
  });
  return { rows, ownerKeys, overOwnedProjects };
}
