// The audit's counts, one definition for the server's report and the page's filtered views and exports.
import { accessGrantingRoles } from '@/lib/roles';
import type { AuditKey, AuditReport, AuditServiceAccount } from './audit';
import { secretState } from './secret-expiry';

/** Organization roles whose rights reach every project: owner rights, or reading everything. */
export const orgWideRoles: readonly string[] = ['ORG_OWNER', 'ORG_READ_ONLY'];

/** A key or service account holding Organization Owner. */
export const isOrgOwner = (principal: { orgRoles: readonly string[] }): boolean => principal.orgRoles.includes('ORG_OWNER');
export const isOrgWide = (principal: { orgRoles: readonly string[] }): boolean => principal.orgRoles.some((r) => orgWideRoles.includes(r));

/** A Project Owner grant made in the project; Organization Owners are counted once, on their own. */
export function isProjectOwner(principal: Pick<AuditKey, 'projects'>, groupId: string): boolean {
  return principal.projects[groupId]?.includes('GROUP_OWNER') ?? false;
}

/** groupId → Project Owner grants there (keys' and service accounts'), in one pass (500 keys × 200 projects stays cheap). */
export function ownerKeysPerProject(keys: readonly Pick<AuditKey, 'projects'>[], projects: readonly { id: string }[]): Map<string, number> {
  const counts = new Map(projects.map((p) => [p.id, 0]));
  for (const key of keys) {
    for (const [groupId, roles] of Object.entries(key.projects)) {
      const count = counts.get(groupId);
      if (count !== undefined && roles.includes('GROUP_OWNER')) counts.set(groupId, count + 1);
    }
  }
  return counts;
}

/** Usage data exists only where an access list records a use; a key without one is not counted unused. */
export function isUnused(key: AuditKey, unusedDays: number, now: number): boolean {
  return key.lastUsed !== undefined && now - Date.parse(key.lastUsed) >= unusedDays * 86_400_000;
}

/** Known to have no access list: a key or account whose list could not be read is not counted. */
export const hasNoAccessList = (principal: Pick<AuditKey, 'accessListEntries'>): boolean => principal.accessListEntries === 0;

/**
 * A service account's secrets always record their use: one never used counts from its creation, so an account made
 * yesterday is not unused, and one made months ago and never used is.
 */
export function isUnusedAccount(account: AuditServiceAccount, unusedDays: number, now: number): boolean {
  return now - Date.parse(account.lastUsed ?? account.createdAt) >= unusedDays * 86_400_000;
}

export const hasExpiringSecret = (account: AuditServiceAccount, now: number): boolean => account.secrets.some((s) => secretState(s, now) !== 'ok');

/** `now` is the report's generatedAt, so a filtered view counts the same keys and accounts unused as the server did. */
export function summarize(
  keys: readonly AuditKey[],
  accounts: readonly AuditServiceAccount[],
  projects: readonly { id: string }[],
  thresholds: AuditReport['thresholds'],
  now: number,
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
    projectsWithManyOwnerKeys: [...ownerKeysPerProject([...keys, ...accounts], projects).values()].filter((count) => count > thresholds.manyOwnerKeys).length,
    orgWideOwnerKeys: keys.filter(isOrgOwner).length,
    orgWideOwnerServiceAccounts: accounts.filter(isOrgOwner).length,
    unused:
      keys.filter((key) => isUnused(key, thresholds.unusedDays, now)).length +
      accounts.filter((account) => isUnusedAccount(account, thresholds.unusedDays, now)).length,
    keysWithoutAccessList: keys.filter(hasNoAccessList).length,
    serviceAccountsWithoutAccessList: accounts.filter(hasNoAccessList).length,
    serviceAccounts: accounts.length,
    expiringSecrets: accounts.filter((account) => hasExpiringSecret(account, now)).length,
  };
}
