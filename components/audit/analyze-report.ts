// Per-row facts the matrix filters and sorts on, for keys and service accounts alike: reach, highest tier, risk
// reasons; and the over-owned projects.
import type { AuditKey, AuditReport, AuditServiceAccount } from '@/lib/api/audit';
import { hasExpiringSecret, hasNoAccessList, isOrgOwner, isOrgWide, isProjectOwner, isUnused, isUnusedAccount, ownerKeysPerProject } from '@/lib/api/audit-summary';
import { accessGrantingRoles, highestTier, type RoleTier } from '@/lib/roles';

export const riskReasons = ['grants-access', 'many-projects', 'over-owned-project', 'many-org-owners', 'unused', 'no-access-list', 'expiring-secret'] as const;
export type RiskReason = (typeof riskReasons)[number];

export const riskLabels: Record<RiskReason, string> = {
  'grants-access': 'Can grant access (Owner, User Admin or Organization Owner)',
  'many-projects': 'Reaches many projects',
  'over-owned-project': 'Project Owner in a project with too many Project Owner keys',
  'many-org-owners': 'One of more Organization Owner keys and service accounts than the threshold',
  unused: 'Not used for longer than the threshold',
  'no-access-list': 'No access list: usable from any address',
  'expiring-secret': 'A secret expired or expires within 7 days',
};

interface RowFacts {
  /** The key's id or the account's client id. */
  id: string;
  /** What a person calls it: the key's description (its public key when it has none), the account's name. */
  name: string;
  /** The identifier shown beside the name: the key's public key, the account's client id. */
  handle: string;
  /** groupId → its role names there, among the projects the person can see. */
  projects: Record<string, string[]>;
  /** Organization roles, a key's or a service account's. */
  orgRoles: readonly string[];
  /** Projects in which it holds any role (among those the person can see). */
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

export type KeyRow = RowFacts & { kind: 'key'; key: AuditKey };
export type AccountRow = RowFacts & { kind: 'serviceAccount'; account: AuditServiceAccount };
/** One row of the matrix: an API key or a service account. */
export type AuditRow = KeyRow | AccountRow;

export interface ReportAnalysis {
  /** Keys, then service accounts. */
  rows: AuditRow[];
  /** groupId → Project Owner grants made there, keys' and service accounts'. */
  ownerKeys: Map<string, number>;
  overOwnedProjects: Set<string>;
  /** Organization Owners, the console's own key included: keys and service accounts apart; the threshold is on their sum. */
  orgOwners: OrgOwnerCounts;
}

export interface OrgOwnerCounts {
  keys: number;
  accounts: number;
}

export function analyzeReport(report: AuditReport): ReportAnalysis {
  const { thresholds } = report;
  const ownerKeys = ownerKeysPerProject([...report.keys, ...report.serviceAccounts], report.projects);
  const overOwnedProjects = new Set(report.projects.filter((p) => (ownerKeys.get(p.id) ?? 0) > thresholds.manyOwnerKeys).map((p) => p.id));
  const orgOwners = { keys: report.keys.filter(isOrgOwner).length, accounts: report.serviceAccounts.filter(isOrgOwner).length };
  const tooManyOrgOwners = orgOwners.keys + orgOwners.accounts > thresholds.manyOrgOwnerKeys;
  const manyOrgOwners = (principal: { orgRoles: readonly string[] }) => (tooManyOrgOwners && isOrgOwner(principal) ? ['many-org-owners' as const] : []);
  const overOwned = [...overOwnedProjects];
  const now = Date.parse(report.generatedAt);
  /** The facts and risks both kinds share; `own` adds a kind's own risks. */
  const facts = (principal: { projects: Record<string, string[]>; accessListEntries?: number }, orgRoles: readonly string[], own: RiskReason[], expected = false) => {
    const allRoles = [...orgRoles, ...Object.values(principal.projects).flat()];
    const reach = Object.keys(principal.projects).length;
    const accessRoles = allRoles.filter((r) => accessGrantingRoles.includes(r)).length;
    const risks: RiskReason[] = [];
    if (!expected) {
      if (accessRoles > 0) risks.push('grants-access');
      if (reach > thresholds.manyProjects) risks.push('many-projects');
      if (overOwned.some((groupId) => isProjectOwner(principal, groupId))) risks.push('over-owned-project');
      risks.push(...own);
      if (hasNoAccessList(principal)) risks.push('no-access-list');
    }
    return { projects: principal.projects, orgRoles, reach, tier: highestTier(allRoles), accessRoles, risks };
  };
  const keys = report.keys.map(
    (key): KeyRow => ({
      kind: 'key',
      key,
      id: key.id,
      name: key.desc || key.publicKey,
      handle: key.publicKey,
      orgWide: isOrgWide(key),
      ...facts(
        key,
        key.orgRoles,
        [...manyOrgOwners(key), ...(isUnused(key, thresholds.unusedDays, now) ? ['unused' as const] : [])],
        key.isConsoleKey,
      ),
    }),
  );
  const accounts = report.serviceAccounts.map(
    (account): AccountRow => ({
      kind: 'serviceAccount',
      account,
      id: account.clientId,
      name: account.name,
      handle: account.clientId,
      orgWide: isOrgWide(account),
      ...facts(account, account.orgRoles, [
        ...manyOrgOwners(account),
        ...(hasExpiringSecret(account, now) ? ['expiring-secret' as const] : []),
        ...(isUnusedAccount(account, thresholds.unusedDays, now) ? ['unused' as const] : []),
      ]),
    }),
  );
  return { rows: [...keys, ...accounts], ownerKeys, overOwnedProjects, orgOwners };
}
