// The audit as one person may see it: ⌈keys/500⌉ + ⌈projects/500⌉ upstream calls, never one per project, plus each
// shown key's access list at most once per usage window (see key-usage.ts), plus, where service accounts exist,
// ⌈accounts/500⌉ + one call per account for its projects + its access list (through the organization) at most once per
// usage window.
import 'server-only';
import type { AuditQuery, AuditReport } from '@/lib/api/audit';
import type { ServiceAccount } from '@/lib/api/service-accounts';
import type { AtlasClient } from '@/lib/atlas/client';
import { listVisibleProjects, resolveOrgRoles } from './access';
import type { Person } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { mapConcurrently } from '@/lib/map-concurrently';
import { accountAccessListSizes } from './audit-account-access';
import { buildAuditReport } from './audit-report';
import { keyUsage } from './key-usage';
import { getAtlas } from '@/lib/services';

/** Service account project reads in flight at once. */
const accountConcurrency = 8;

/** Each account with the projects it is in, `accountConcurrency` reads at a time. */
function withProjects(atlas: AtlasClient, accounts: readonly ServiceAccount[]) {
  return mapConcurrently(accounts, accountConcurrency, async (account) => ({ ...account, projects: await atlas.listServiceAccountProjects(account.clientId) }));
}

/** The organization's service accounts with their projects; none where the upstream has no service accounts. */
async function serviceAccountsWithProjects(atlas: AtlasClient) {
  if (!atlas.hasServiceAccounts) return [];
  const accounts = (await atlas.listOrgServiceAccounts()).results;
  // Access lists are read through the organization: they need no project, so they are read alongside the projects.
  const [inProjects, sizes] = await Promise.all([withProjects(atlas, accounts), accountAccessListSizes(atlas, accounts.map((a) => a.clientId))]);
  return inProjects.map((account) => {
    const accessListEntries = sizes.get(account.clientId);
    return accessListEntries === undefined ? account : { ...account, accessListEntries };
  });
}

export async function auditFor(person: Person, thresholds: AuditQuery): Promise<AuditReport> {
  const atlas = getAtlas();
  const [keys, visible, orgRoles, serviceAccounts] = await Promise.all([
    atlas.listOrgKeys(),
    listVisibleProjects(person.email),
    resolveOrgRoles(person.email),
    serviceAccountsWithProjects(atlas),
  ]);
  const input = {
    orgId: atlas.orgId,
    keys: keys.results,
    projects: visible.results,
    seesWholeOrg: orgRoles.includes('ORG_OWNER'),
    thresholds,
    consolePublicKey: getConfig().ATLAS_PUBLIC_KEY,
    serviceAccounts,
  };
  // Usage is read only for the keys this person is shown.
  const shown = buildAuditReport(input).keys.map((k) => k.id);
  return buildAuditReport({ ...input, usage: await keyUsage(atlas, shown) });
}
