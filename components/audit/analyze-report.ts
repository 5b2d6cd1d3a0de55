// Per-key facts the matrix filters and sorts on: reach, highest tier, risk reasons; and the over-owned projects.
import type { AuditKey, AuditReport } from '@/lib/api/audit';
import { hasNoAccessList, isOrgOwner, isOrgWide, isProjectOwner, isUnused, ownerKeysPerProject } from '@/lib/api/audit-summary';
import { accessGrantingRoles, highestTier, type RoleTier } from '@/lib/roles';

export const riskReasons = ['grants-access', 'many-projects', 'over-owned-project', 'many-org-owners', 'unused', 'no-access-list'] as const;
export type RiskReason = (typeof riskReasons)[number];

export const riskLabels: Record<RiskReason, string> = {
  'grants-access': 'Can grant access (Owner, User Admin or Organization Owner)',
  'many-projects': 'Reaches many projects',
  'over-owned-project': 'Project Owner in a project with too many Project Owner keys',
  'many-org-owners': 'One of more Organization Owner keys than the threshold',
  unused: 'Not used for longer than the threshold',
  'no-access-list': 'No access list: usable from any address',
};

export interface AuditRow {
  key: AuditKey;
  /** Projects in which the key holds any role (among those the person can see). */
  reach: number;
  /** The highest tier among all its roles, organization roles included. */
  tier: RoleTier | undefined;
  /** How many access-granting roles it holds across the organization and its projects. */
  accessRoles: number;
  /** Holds an organization role that reaches every project (Organization Owner or Read Only). */
  orgWide: boolean;
  /** Empty for the console's own key: its rights are expected, and the risk list is for what someone can act on. */
  risks: RiskReason[];
}

export interface ReportAnalysis {
  rows: AuditRow[];
  /** groupId → Project Owner grants made there. */
  ownerKeys: Map<string, number>;
  overOwnedProjects: Set<string>;
  /** Keys holding Organization Owner, the console's own included. */
  orgOwnerKeys: number;
}

export function analyzeReport(report: AuditReport): ReportAnalysis {
  const { thresholds } = report;
  const ownerKeys = ownerKeysPerProject(report.keys, report.projects);
  const overOwnedProjects = new Set(report.projects.filter((p) => (ownerKeys.get(p.id) ?? 0) > thresholds.manyOwnerKeys).map((p) => p.id));
  const orgOwnerKeys = report.keys.filter(isOrgOwner).length;
  const tooManyOrgOwners = orgOwnerKeys > thresholds.manyOrgOwnerKeys;
  const overOwned = [...overOwnedProjects];
  const now = Date.parse(report.generatedAt);
  const rows = report.keys.map((key): AuditRow => {
    const allRoles = [...key.orgRoles, ...Object.values(key.projects).flat()];
    const reach = Object.keys(key.projects).length;
    const accessRoles = allRoles.filter((r) => accessGrantingRoles.includes(r)).length;
    const risks: RiskReason[] = [];
    if (!key.isConsoleKey) {
      if (accessRoles > 0) risks.push('grants-access');
      if (reach > thresholds.manyProjects) risks.push('many-projects');
      if (overOwned.some((groupId) => isProjectOwner(key, groupId))) risks.push('over-owned-project');
      if (tooManyOrgOwners && isOrgOwner(key)) risks.push('many-org-owners');
      if (isUnused(key, thresholds.unusedDays, now)) risks.push('unused');
      if (hasNoAccessList(key)) risks.push('no-access-list');
    }
    return { key, reach, tier: highestTier(allRoles), accessRoles, orgWide: isOrgWide(key), risks };
  });
  return { rows, ownerKeys, overOwnedProjects, orgOwnerKeys };
}
