// GET /api/audit with service accounts (Cloud Manager surface, demo organization): their rows, their access lists, and
// the summary's counts of both kinds against a plain count from the emulator's own state.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditReport } from '@/lib/api/audit';
import { seedSchema, type Seed } from '@/lib/emulator/seed';
import { demoSeedPath } from '@/lib/emulator/seeds/demo';
import { startHarness, type Harness } from '@/lib/testing/console-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(seedSchema.parse(JSON.parse(readFileSync(demoSeedPath, 'utf8'))), { product: 'cloud-manager' });
}, 180_000);
afterAll(async () => {
  await harness?.close();
});

const day = 86_400_000;

/** Written out from the state alone, independently of lib/api/audit-summary, for an Organization Owner (who sees all). */
function expectedCounts(state: Seed, now: number, { unusedDays = 90, manyOwnerKeys = 2 } = {}) {
  const orgId = state.orgs[0]!.id;
  const accounts = (state.serviceAccounts ?? []).filter((a) => a.orgId === orgId);
  const keys = state.apiKeys.filter((k) => k.orgId === orgId);
  let expiring = 0;
  let unusedAccounts = 0;
  let accountsWithoutAccessList = 0;
  for (const account of accounts) {
    if (account.secrets.some((s) => Date.parse(s.expiresAt) - now <= 7 * day)) expiring += 1;
    const uses = account.secrets.flatMap((s) => (s.lastUsedAt ? [Date.parse(s.lastUsedAt)] : []));
    const since = uses.length > 0 ? Math.max(...uses) : Date.parse(account.createdAt);
    if (now - since >= unusedDays * day) unusedAccounts += 1;
    // Read through a project the account is in; one in no project has no list the audit can read.
    if (account.roles.some((r) => r.groupId) && (account.accessList ?? []).length === 0) accountsWithoutAccessList += 1;
  }
  let unusedKeys = 0;
  for (const key of keys) {
    const uses = (key.accessList ?? []).flatMap((e) => (e.lastUsed ? [Date.parse(e.lastUsed)] : []));
    if (uses.length > 0 && now - Math.max(...uses) >= unusedDays * day) unusedKeys += 1;
  }
  const ownerGrants = (groupId: string) =>
    [...keys, ...accounts].filter((holder) => holder.roles.some((r) => r.groupId === groupId && r.roleName === 'GROUP_OWNER')).length;
  return {
    serviceAccounts: accounts.length,
    expiringSecrets: expiring,
    unused: unusedKeys + unusedAccounts,
    keysWithoutAccessList: keys.filter((k) => (k.accessList ?? []).length === 0).length,
    serviceAccountsWithoutAccessList: accountsWithoutAccessList,
    projectsWithManyOwnerKeys: state.projects.filter((p) => p.orgId === orgId && ownerGrants(p.id) > manyOwnerKeys).length,
  };
}

const accessListReads = async () =>
  (await harness.upstreamRequests()).filter((r) => r.method === 'GET' && /\/serviceAccounts\/mdb_sa_id_[0-9a-f]{24}\/accessList(\?|$)/.test(r.path) && r.status === 200).length;

it('counts both kinds in the summary as the emulator’s state says, reading each account’s access list once per window', async () => {
  await harness.clearUpstreamRequests();
  const answer = await harness.call('GET', '/api/audit', { as: 'orgowner@demo.test' });
  expect(answer.status).toBe(200);
  const report = auditReport.parse(await answer.json());
  const state = harness.emulator.snapshot();
  const expected = expectedCounts(state, Date.parse(report.generatedAt));
  expect(expected.serviceAccounts).toBeGreaterThan(0);
  expect(expected.expiringSecrets).toBeGreaterThan(0);
  // The demo has accounts with an access list and without one, and keys without one.
  expect(expected.serviceAccountsWithoutAccessList).toBeGreaterThan(0);
  expect(expected.serviceAccountsWithoutAccessList).toBeLessThan(state.serviceAccounts!.filter((a) => a.roles.some((r) => r.groupId)).length);
  expect(expected.keysWithoutAccessList).toBeGreaterThan(0);
  const { serviceAccounts, expiringSecrets, unused, keysWithoutAccessList, serviceAccountsWithoutAccessList, projectsWithManyOwnerKeys } = report.summary;
  expect({ serviceAccounts, expiringSecrets, unused, keysWithoutAccessList, serviceAccountsWithoutAccessList, projectsWithManyOwnerKeys }).toEqual(expected);
  expect(report.serviceAccounts.find((a) => a.name === 'storefront-deployer')).toMatchObject({
    projects: { d851d57f818f764481a54a7a: ['GROUP_AUTOMATION_ADMIN'], c915731025210310715638b2: ['GROUP_READ_ONLY'] },
    accessListEntries: 2,
  });
  // An account in no project has no access list the audit can read: unknown, not "none".
  expect(report.serviceAccounts.find((a) => a.name === 'billing-sync')).not.toHaveProperty('accessListEntries');
  // No secret value reaches the report.
  expect(JSON.stringify(report)).not.toMatch(/mdb_sa_sk_[0-9a-f]{20}/);

  // Cold: one access list read per account in a project; warm (within 5 minutes): none.
  expect(await accessListReads()).toBe(state.serviceAccounts!.filter((a) => a.roles.some((r) => r.groupId)).length);
  await harness.clearUpstreamRequests();
  expect((await harness.call('GET', '/api/audit', { as: 'orgowner@demo.test' })).status).toBe(200);
  expect(await accessListReads()).toBe(0);
});

it('shows a project owner only the accounts with a role in a project they can see', async () => {
  const report = auditReport.parse(await (await harness.call('GET', '/api/audit', { as: 'owner@demo.test' })).json());
  expect(report.serviceAccounts.map((a) => a.name).sort()).toEqual(['analytics-export', 'storefront-deployer']);
  expect(report.serviceAccounts.find((a) => a.name === 'analytics-export')?.projects).toEqual({ d851d57f818f764481a54a7a: ['GROUP_READ_ONLY'] });
});
