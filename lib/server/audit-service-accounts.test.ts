// GET /api/audit with service accounts (Cloud Manager surface, demo organization): their rows, the exports' kind, and the
// summary's counts of both kinds against a plain count from the emulator's own state.
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

/** Written out from the state alone, independently of lib/api/audit-summary. */
function expectedCounts(state: Seed, now: number, unusedDays = 90) {
  const orgId = state.orgs[0]!.id;
  const accounts = (state.serviceAccounts ?? []).filter((a) => a.orgId === orgId);
  let expiring = 0;
  let unusedAccounts = 0;
  for (const account of accounts) {
    if (account.secrets.some((s) => Date.parse(s.expiresAt) - now <= 7 * day)) expiring += 1;
    const uses = account.secrets.flatMap((s) => (s.lastUsedAt ? [Date.parse(s.lastUsedAt)] : []));
    const since = uses.length > 0 ? Math.max(...uses) : Date.parse(account.createdAt);
    if (now - since >= unusedDays * day) unusedAccounts += 1;
  }
  let unusedKeys = 0;
  for (const key of state.apiKeys.filter((k) => k.orgId === orgId)) {
    const uses = (key.accessList ?? []).flatMap((e) => (e.lastUsed ? [Date.parse(e.lastUsed)] : []));
    if (uses.length > 0 && now - Math.max(...uses) >= unusedDays * day) unusedKeys += 1;
  }
  return { serviceAccounts: accounts.length, expiringSecrets: expiring, unused: unusedKeys + unusedAccounts };
}

it('counts service accounts, expiring secrets and unused principals of both kinds as the emulator’s state says', async () => {
  const answer = await harness.call('GET', '/api/audit', { as: 'orgowner@demo.test' });
  expect(answer.status).toBe(200);
  const report = auditReport.parse(await answer.json());
  const expected = expectedCounts(harness.emulator.snapshot(), Date.parse(report.generatedAt));
  expect(expected.serviceAccounts).toBeGreaterThan(0);
  expect(expected.expiringSecrets).toBeGreaterThan(0);
  expect({ serviceAccounts: report.summary.serviceAccounts, expiringSecrets: report.summary.expiringSecrets, unused: report.summary.unused }).toEqual(expected);
  expect(report.serviceAccounts.find((a) => a.name === 'storefront-deployer')?.projects).toEqual({
    d851d57f818f764481a54a7a: ['GROUP_AUTOMATION_ADMIN'],
    c915731025210310715638b2: ['GROUP_READ_ONLY'],
  });
  // No secret value reaches the report.
  expect(JSON.stringify(report)).not.toMatch(/mdb_sa_sk_[0-9a-f]{20}/);
});

it('shows a project owner only the accounts with a role in a project they can see', async () => {
  const report = auditReport.parse(await (await harness.call('GET', '/api/audit', { as: 'owner@demo.test' })).json());
  expect(report.serviceAccounts.map((a) => a.name).sort()).toEqual(['analytics-export', 'storefront-deployer']);
  expect(report.serviceAccounts.find((a) => a.name === 'analytics-export')?.projects).toEqual({ d851d57f818f764481a54a7a: ['GROUP_READ_ONLY'] });
});
