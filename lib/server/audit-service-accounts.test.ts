// GET /api/audit with service accounts (Cloud Manager surface, demo organization): their rows, their access lists (read
// through the organization, accounts in no project included), the organization-wide ones, and the summary's counts of
// both kinds against a plain count from the emulator's own state.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { auditReport } from '@/lib/api/audit';
import { seedSchema, type Seed } from '@/lib/emulator/seed';
import { demoSeedPath } from '@/lib/emulator/seeds/demo';
import { emulatorControls } from '@/lib/emulator/testing/control-client';
import { surfaceClient, testSurfaces } from '@/lib/emulator/testing/surface-client';
import { startHarness, type Harness } from '@/lib/testing/console-harness';
import { forgetAccountAccessLists } from './audit-account-access';

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
  let orgOwnerAccounts = 0;
  for (const account of accounts) {
    if (account.secrets.some((s) => Date.parse(s.expiresAt) - now <= 7 * day)) expiring += 1;
    const uses = account.secrets.flatMap((s) => (s.lastUsedAt ? [Date.parse(s.lastUsedAt)] : []));
    const since = uses.length > 0 ? Math.max(...uses) : Date.parse(account.createdAt);
    if (now - since >= unusedDays * day) unusedAccounts += 1;
    // Read through the organization: an account in no project has a list like any other.
    if ((account.accessList ?? []).length === 0) accountsWithoutAccessList += 1;
    if (account.roles.some((r) => r.orgId === orgId && r.roleName === 'ORG_OWNER')) orgOwnerAccounts += 1;
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
    orgWideOwnerKeys: keys.filter((k) => k.roles.some((r) => r.orgId === orgId && r.roleName === 'ORG_OWNER')).length,
    orgWideOwnerServiceAccounts: orgOwnerAccounts,
    projectsWithManyOwnerKeys: state.projects.filter((p) => p.orgId === orgId && ownerGrants(p.id) > manyOwnerKeys).length,
  };
}

const accessListReads = async () =>
  (await harness.upstreamRequests()).filter((r) => r.method === 'GET' && /\/orgs\/[0-9a-f]{24}\/serviceAccounts\/mdb_sa_id_[0-9a-f]{24}\/accessList(\?|$)/.test(r.path) && r.status === 200).length;

/** The demo's accounts in no project: the Organization Owner one and an Organization Member one. */
const inNoProject = { owner: 'Console automation', member: 'billing-sync' };

it('counts both kinds in the summary as the emulator’s state says, reading each account’s access list once per window', async () => {
  // An entry on the list of an account in no project, added through the organization as an administrator would.
  const seedState = harness.emulator.snapshot();
  const consoleKey = seedState.apiKeys.find((k) => k.id === seedState.consoleKey)!;
  const member = seedState.serviceAccounts!.find((a) => a.name === inNoProject.member)!;
  const upstream = surfaceClient(harness.emulator.url, testSurfaces[0]!, consoleKey);
  expect((await upstream('POST', `/orgs/${consoleKey.orgId}/serviceAccounts/${member.clientId}/accessList`, [{ cidrBlock: '192.0.2.0/24' }])).status).toBe(200);
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
  expect(expected.serviceAccountsWithoutAccessList).toBeLessThan(state.serviceAccounts!.length);
  expect(expected.keysWithoutAccessList).toBeGreaterThan(0);
  expect(expected.orgWideOwnerServiceAccounts).toBeGreaterThan(0);
  const { serviceAccounts, expiringSecrets, unused, keysWithoutAccessList, serviceAccountsWithoutAccessList, projectsWithManyOwnerKeys, orgWideOwnerKeys, orgWideOwnerServiceAccounts } =
    report.summary;
  expect({
    serviceAccounts,
    expiringSecrets,
    unused,
    keysWithoutAccessList,
    serviceAccountsWithoutAccessList,
    projectsWithManyOwnerKeys,
    orgWideOwnerKeys,
    orgWideOwnerServiceAccounts,
  }).toEqual(expected);
  expect(report.serviceAccounts.find((a) => a.name === 'storefront-deployer')).toMatchObject({
    projects: { d851d57f818f764481a54a7a: ['GROUP_AUTOMATION_ADMIN'], c915731025210310715638b2: ['GROUP_READ_ONLY'] },
    accessListEntries: 2,
  });
  // Accounts in no project have their lists read too: one with an entry, one with none (usable from any address).
  expect(report.serviceAccounts.find((a) => a.name === inNoProject.member)).toMatchObject({ projects: {}, orgRoles: ['ORG_MEMBER'], accessListEntries: 1 });
  // The Organization Owner account: its organization role is in the report, and no project counts it as a Project Owner.
  expect(report.serviceAccounts.find((a) => a.name === inNoProject.owner)).toMatchObject({ projects: {}, orgRoles: ['ORG_OWNER'], accessListEntries: 0 });
  // No secret value reaches the report.
  expect(JSON.stringify(report)).not.toMatch(/mdb_sa_sk_[0-9a-f]{20}/);

  // Cold: one access list read per account, each through the organization; warm (within 5 minutes): none.
  expect(await accessListReads()).toBe(state.serviceAccounts!.length);
  expect((await harness.upstreamRequests()).filter((r) => /\/groups\/[0-9a-f]{24}\/serviceAccounts\/[^/]+\/accessList/.test(r.path))).toEqual([]);
  await harness.clearUpstreamRequests();
  expect((await harness.call('GET', '/api/audit', { as: 'orgowner@demo.test' })).status).toBe(200);
  expect(await accessListReads()).toBe(0);
});

it('shows a project owner only the accounts with a role in a project they can see', async () => {
  const report = auditReport.parse(await (await harness.call('GET', '/api/audit', { as: 'owner@demo.test' })).json());
  expect(report.serviceAccounts.map((a) => a.name).sort()).toEqual(['analytics-export', 'storefront-deployer']);
  expect(report.serviceAccounts.find((a) => a.name === 'analytics-export')?.projects).toEqual({ d851d57f818f764481a54a7a: ['GROUP_READ_ONLY'] });
});

it('shows an account whose list cannot be read as unknown, and says so in one warning for the whole audit', async () => {
  forgetAccountAccessLists();
  const controls = emulatorControls(harness.emulator.url);
  const accounts = harness.emulator.snapshot().serviceAccounts!.length;
  await controls.fault({ method: 'GET', path: '/orgs/[0-9a-f]{24}/serviceAccounts/[^/]+/accessList$', status: 500, body: '{"error":500}', times: accounts * 4 });
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const answer = await harness.call('GET', '/api/audit', { as: 'orgowner@demo.test' });
    expect(answer.status).toBe(200);
    const report = auditReport.parse(await answer.json());
    expect(report.serviceAccounts).toHaveLength(accounts);
    expect(report.serviceAccounts.filter((a) => a.accessListEntries !== undefined)).toEqual([]);
    expect(report.summary.serviceAccountsWithoutAccessList).toBe(0);
    const lines = warn.mock.calls.map((call) => String(call[0])).filter((line) => line.includes('service account access list'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^audit: ${accounts} service account access list\\(s\\) could not be read`));
  } finally {
    warn.mockRestore();
    await controls.clearFaults();
  }
});
