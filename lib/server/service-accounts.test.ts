// The console's service account routes against the emulator's Cloud Manager surface: who may do what, the lost-update
// guard, the change history of every change, a secret in exactly one answer, and Activity for changes made outside.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityPage } from '@/lib/api/activity';
import { serviceAccount, serviceAccountList, serviceAccountSecret } from '@/lib/api/service-accounts';
import { seedSchema } from '@/lib/emulator/seed';
import { demoSeedPath } from '@/lib/emulator/seeds/demo';
import { DigestClient } from '@/lib/emulator/testing/digest-fetch';
import { startHarness, type Harness } from '@/lib/testing/console-harness';

const seed = seedSchema.parse(JSON.parse(readFileSync(demoSeedPath, 'utf8')));
const storefront = 'd851d57f818f764481a54a7a';
const orgId = seed.orgs[0]!.id;
const owner = 'owner@demo.test';
const orgOwner = 'orgowner@demo.test';
const userAdmin = 'useradmin@demo.test';
const reader = 'reader@demo.test';
const billingSync = seed.serviceAccounts!.find((a) => a.name === 'billing-sync')!;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(seed, { product: 'cloud-manager' });
}, 180_000);
afterAll(async () => {
  await harness?.close();
});

const base = `/api/groups/${storefront}/serviceAccounts`;
const creating = { name: 'release bot', description: 'ships releases', roles: ['GROUP_READ_ONLY'], secretExpiresAfterHours: 72 };

async function history(as = owner) {
  const answer = await harness.call('GET', `/api/activity?groupId=${storefront}&origin=console`, { as });
  return activityPage.parse(await answer.json()).results;
}

describe('service accounts through the console', () => {
  it('lists the project’s accounts with their roles there and the last use of each secret, to anyone with a role', async () => {
    const answer = await harness.call('GET', base, { as: reader });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const { results } = serviceAccountList.parse(await answer.json());
    const deployer = results.find((a) => a.name === 'storefront-deployer');
    expect(deployer?.roles).toEqual(['GROUP_AUTOMATION_ADMIN']);
    expect(deployer?.secrets[0]?.lastUsedAt).toBe('2026-12-01T22:40:00Z');
    expect(results.map((a) => a.name).sort()).toEqual(['analytics-export', 'storefront-deployer']);
  });

  it('creates an account whose secret is in that one answer; the history has the person, the client id and no secret', async () => {
    const answer = await harness.call('POST', base, { as: owner, body: creating });
    expect(answer.status).toBe(200);
    const created = serviceAccount.parse(await answer.json());
    const secret = created.secrets[0]?.secret;
    expect(secret).toMatch(/^mdb_sa_sk_/);

    const listed = await (await harness.call('GET', base, { as: owner })).text();
    expect(listed).toContain(created.clientId);
    expect(listed).not.toContain(secret);
    const records = await history();
    const record = records.find((r) => r.clientId === created.clientId && r.action === 'create');
    expect(record).toMatchObject({ kind: 'serviceAccount', actor: owner, outcome: 'success', keyDesc: 'release bot', rolesAfter: ['GROUP_READ_ONLY'] });
    expect(record?.secretId).toBe(created.secrets[0]?.id);
    expect(JSON.stringify(records)).not.toContain(secret);
    const csv = await (await harness.call('GET', `/api/activity?groupId=${storefront}&format=csv`, { as: owner })).text();
    expect(csv.split('\r\n')[0]).toContain('kind');
    expect(csv).not.toContain(secret);
  });

  it('edits roles with the lost-update guard, rotates a secret (new one once, then the old one deleted) and removes the account', async () => {
    const created = serviceAccount.parse(await (await harness.call('POST', base, { as: owner, body: { ...creating, name: 'rotating bot' } })).json());
    const path = `${base}/${created.clientId}`;
    const stale = await harness.call('PATCH', path, { as: owner, body: { roles: ['GROUP_OWNER'], expectedRoles: ['GROUP_AUTOMATION_ADMIN'] } });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ errorCode: 'ROLES_CHANGED', currentRoles: ['GROUP_READ_ONLY'] });
    const edited = await harness.call('PATCH', path, { as: owner, body: { roles: ['GROUP_AUTOMATION_ADMIN', 'GROUP_READ_ONLY'], expectedRoles: ['GROUP_READ_ONLY'] } });
    expect(serviceAccount.parse(await edited.json()).roles).toEqual(['GROUP_AUTOMATION_ADMIN', 'GROUP_READ_ONLY']);

    const rotated = await harness.call('POST', `${path}/secrets`, { as: owner, body: { secretExpiresAfterHours: 24 } });
    expect(rotated.status).toBe(200);
    const fresh = serviceAccountSecret.parse(await rotated.json());
    expect(fresh.secret).toMatch(/^mdb_sa_sk_/);
    expect((await harness.call('DELETE', `${path}/secrets/${created.secrets[0]!.id}`, { as: owner })).status).toBe(204);
    const after = serviceAccountList.parse(await (await harness.call('GET', base, { as: owner })).json()).results.find((a) => a.clientId === created.clientId);
    expect(after?.secrets.map((s) => s.id)).toEqual([fresh.id]);

    expect((await harness.call('DELETE', path, { as: owner })).status).toBe(204);
    const actions = (await history()).filter((r) => r.clientId === created.clientId).map((r) => `${r.action} ${r.outcome}`);
    expect(actions).toEqual(['unassign success', 'delete_secret success', 'add_secret success', 'update_roles success', 'create success']);
  });

  it('lets only Project Owners change accounts and only Organization Owners invite one; others are told why', async () => {
    const refused = await harness.call('POST', base, { as: userAdmin, body: creating });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ errorCode: 'NOT_SERVICE_ACCOUNT_MANAGER' });

    const invite = (as: string) => harness.call('POST', `${base}/${billingSync.clientId}/invite`, { as, body: { roles: ['GROUP_READ_ONLY'] } });
    const byOwner = await invite(owner);
    expect(byOwner.status).toBe(403);
    expect(await byOwner.json()).toMatchObject({ errorCode: 'NOT_ORG_OWNER' });
    const byOrgOwner = await invite(orgOwner);
    expect(byOrgOwner.status).toBe(200);
    expect(serviceAccount.parse(await byOrgOwner.json()).roles).toEqual(['GROUP_READ_ONLY']);
    expect((await history(orgOwner)).find((r) => r.clientId === billingSync.clientId)).toMatchObject({ action: 'assign', actor: orgOwner, outcome: 'success' });

    expect((await harness.call('GET', `/api/orgs/${orgId}/serviceAccounts`, { as: owner })).status).toBe(403);
    const orgList = serviceAccountList.parse(await (await harness.call('GET', `/api/orgs/${orgId}/serviceAccounts`, { as: orgOwner })).json());
    expect(orgList.results.map((a) => a.name)).toContain('billing-sync');
  });

  it('refuses invalid input with a 400 before any upstream call', async () => {
    await harness.clearUpstreamRequests();
    for (const body of [
      { ...creating, name: 'semi;colon' },
      { ...creating, secretExpiresAfterHours: 7 },
      { ...creating, secretExpiresAfterHours: 8761 },
      { ...creating, roles: [] },
      { ...creating, roles: ['ORG_OWNER'] },
      { ...creating, extra: true },
    ]) {
      expect((await harness.call('POST', base, { as: owner, body })).status).toBe(400);
    }
    expect((await harness.call('PATCH', `${base}/not-a-client-id`, { as: owner, body: { roles: ['GROUP_READ_ONLY'] } })).status).toBe(400);
    expect((await harness.call('DELETE', `${base}/${billingSync.clientId}/secrets/nothex`, { as: owner })).status).toBe(400);
    expect((await harness.upstreamRequests()).filter((r) => r.path.includes('serviceAccounts'))).toEqual([]);
  });

  it('shows a change made outside the console in Activity with its actor, and the console’s own once', async () => {
    const deployer = seed.serviceAccounts!.find((a) => a.name === 'storefront-deployer')!;
    // Another Organization Owner key, signed with Digest like the seed documents' `curl --digest`.
    const other = seed.apiKeys.find((k) => k.desc.startsWith('Break-glass'))!;
    const viaConsole = await harness.call('PATCH', `${base}/${deployer.clientId}`, { as: owner, body: { roles: ['GROUP_READ_ONLY'] } });
    expect(viaConsole.status).toBe(200);
    const client = new DigestClient({ publicKey: other.publicKey, privateKey: other.privateKey });
    const answer = await client.fetch(`${harness.emulator.url}/api/public/v1.0/groups/${storefront}/serviceAccounts/${deployer.clientId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ roles: ['GROUP_AUTOMATION_ADMIN'] }),
    });
    expect(answer.status).toBe(200);
    harness.forgetCaches();
    const entries = activityPage.parse(await (await harness.call('GET', `/api/activity?groupId=${storefront}`, { as: owner })).json()).results;
    const about = entries.filter((e) => e.clientId === deployer.clientId && e.action === 'update_roles');
    expect(about.filter((e) => e.origin === 'console')).toHaveLength(1);
    expect(about.filter((e) => e.origin === 'outside')).toEqual([expect.objectContaining({ actor: other.publicKey, eventType: 'SERVICE_ACCOUNT_ROLES_CHANGED', kind: 'serviceAccount' })]);
  });
});
