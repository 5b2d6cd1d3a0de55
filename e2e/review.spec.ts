// Sign a review, change roles through the console and outside it (Digest, like `curl --digest`), see the difference in the matrix, the list and the export; Activity marks the outside change.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DigestClient } from '../lib/emulator/testing/digest-fetch';
import { demoProjects, e2eEmulator, signedInApi } from './support/api';
import { pageAs } from './support/browser';
import { e2eConsole } from './support/servers';

test('a signed review shows what changed since, made through the console or outside it', async ({ browser }) => {
  test.setTimeout(120_000);
  const { p1, state } = await demoProjects();
  const owner = state.users.find((u) => u.emailAddress === 'owner@demo.test');
  expect(owner).toBeDefined();
  // A key other than the console's that may manage P1 signs the outside change.
  const outsider = state.apiKeys.find(
    (k) => k.id !== state.consoleKey && (k.roles.some((r) => r.groupId === p1.id && r.roleName === 'GROUP_OWNER') || k.roles.some((r) => r.roleName === 'ORG_OWNER')),
  );
  const targets = state.apiKeys.filter((k) => k.id !== state.consoleKey && k.id !== outsider?.id && k.roles.some((r) => r.groupId === p1.id));
  expect(outsider && targets.length >= 2).toBeTruthy();
  const [viaConsole, viaOutside] = targets;

  const { page, context } = await pageAs(browser, 'orgowner');
  await page.goto('/audit');
  const panel = page.getByTestId('review-panel');
  await panel.getByLabel('Note (optional)').fill('e2e review');
  await panel.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(panel.getByTestId('past-reviews')).toContainText('orgowner@demo.test');

  const api = await signedInApi('orgowner');
  expect((await api.patch(`/api/groups/${p1.id}/apiKeys/${viaConsole!.id}`, { data: { roles: ['GROUP_OWNER'] } })).status()).toBe(200);
  const digest = new DigestClient({ publicKey: outsider!.publicKey, privateKey: outsider!.privateKey });
  const outside = await digest.fetch(`${e2eConsole.emulatorUrl}/api/public/v1.0/groups/${p1.id}/apiKeys/${viaOutside!.id}`, { method: 'DELETE' });
  expect(outside.status).toBe(204);

  await page.reload();
  await panel.getByLabel('Show changes since').click();
  await page.getByRole('option').first().click();
  const changes = panel.getByTestId('change-since');
  await expect(changes).toHaveCount(2);
  await expect(changes.filter({ hasText: viaConsole!.publicKey })).toContainText('GROUP_OWNER');
  await expect(changes.filter({ hasText: viaOutside!.publicKey })).toContainText('(none)');
  await expect(page.locator(`[data-key-id="${viaConsole!.id}"] [data-changed]`).first()).toBeVisible();

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export differences (CSV)' }).click();
  const csv = await readFile((await (await download).path())!, 'utf8');
  expect(csv).toContain(viaOutside!.publicKey);
  expect(csv).toContain(viaConsole!.publicKey);

  await page.goto('/activity');
  const outsideRow = page.locator('[data-testid="change-row"][data-origin="outside"]').filter({ hasText: viaOutside!.publicKey });
  await expect(async () => {
    await page.reload();
    await expect(outsideRow).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(outsideRow).toContainText(outsider!.publicKey);
  await expect(outsideRow).toContainText('Outside the console');
  const consoleRows = page.locator('[data-testid="change-row"]').filter({ hasText: viaConsole!.publicKey });
  await expect(consoleRows).toHaveCount(1);
  await expect(consoleRows).toContainText('orgowner@demo.test');
  expect((await e2eEmulator.state()).apiKeys.find((k) => k.id === viaOutside!.id)?.roles.some((r) => r.groupId === p1.id)).toBe(false);
  await context.close();
});
