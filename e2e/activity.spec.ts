// The change history page in Chromium: mutations made through the API show up with before → after roles, filters, CSV, looks and axe.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoEmail, demoProjects, e2eEmulator, signedInApi } from './support/api';
import { captureAndCheck, pageAs } from './support/browser';

/** Role API names in one of a change row's role lists (e.g. "After: roles added"), sorted. */
async function rolesIn(row: Locator, list: string): Promise<string[]> {
  const names = await row.getByRole('list', { name: list, exact: true }).getByRole('listitem').evaluateAll((items) =>
    items.map((item) => /\(([A-Z_]+)\)$/.exec(item.getAttribute('aria-label') ?? '')?.[1] ?? ''),
  );
  return names.sort();
}

const rows = (page: Page) => page.getByTestId('change-row');
const rowsOf = (page: Page, publicKey: string) => rows(page).filter({ hasText: publicKey });

const refusal = { error: 400, errorCode: 'INVALID_ROLE_FOR_GROUP', detail: 'The role is not valid for this project.', reason: 'Bad Request' };
let publicKey = '';
let p1 = { id: '', name: '' };
let p2 = { id: '', name: '' };

test.beforeAll(async () => {
  ({ p1, p2 } = await demoProjects());
  const api = await signedInApi('owner');
  const created = await api.post(`/api/groups/${p1.id}/apiKeys`, { data: { desc: 'Activity page e2e key', roles: ['GROUP_READ_ONLY'] } });
  expect(created.status()).toBe(200);
  const key = (await created.json()) as { id: string; publicKey: string };
  publicKey = key.publicKey;
  const modified = await api.patch(`/api/groups/${p1.id}/apiKeys/${key.id}`, {
    data: { roles: ['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_OWNER'], expectedRoles: ['GROUP_READ_ONLY'] },
  });
  expect(modified.status()).toBe(200);
  // One change the upstream refuses: the history keeps the attempt with the upstream's error code and detail.
  await e2eEmulator.fault({ method: 'PATCH', path: `/apiKeys/${key.id}$`, status: 400, body: JSON.stringify(refusal) });
  const refused = await api.patch(`/api/groups/${p1.id}/apiKeys/${key.id}`, { data: { roles: ['GROUP_READ_ONLY'] } });
  expect(refused.status()).toBe(400);
  const removed = await api.delete(`/api/groups/${p1.id}/apiKeys/${key.id}`);
  expect(removed.status()).toBe(204);
  await api.dispose();
});

test('the history shows the changes newest first, with who, what, where and roles before → after', async ({ browser }) => {
  const { page, context } = await pageAs(browser, 'owner');
  await page.goto('/activity');
  await expect(rowsOf(page, publicKey)).toHaveCount(4);
  const [unassign, refused, modify, create] = await rowsOf(page, publicKey).all();

  await expect(unassign!).toContainText('Unassign');
  await expect(refused!).toContainText('Modify roles');
  await expect(modify!).toContainText('Modify roles');
  await expect(create!).toContainText('Create');
  for (const row of [unassign!, refused!, modify!, create!]) {
    await expect(row).toContainText(demoEmail('owner'));
    await expect(row).toContainText(p1.name);
    await expect(row).toContainText('Activity page e2e key');
  }
  for (const row of [unassign!, modify!, create!]) await expect(row.locator('[data-outcome="success"]')).toHaveText('Success');

  expect(await rolesIn(create!, 'After: roles added')).toEqual(['GROUP_READ_ONLY']);
  await expect(create!).toContainText('none');

  expect(await rolesIn(modify!, 'Before: roles removed')).toEqual(['GROUP_READ_ONLY']);
  expect(await rolesIn(modify!, 'After: roles added')).toEqual(['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_OWNER']);

  // The refused change: what was asked, marked as not applied, with the upstream's error code and detail as is.
  await expect(refused!.locator('[data-outcome="failure"]')).toHaveText('Failure');
  await expect(refused!).toContainText(refusal.errorCode);
  await expect(refused!).toContainText(refusal.detail);
  await expect(refused!).toContainText('Attempted, not applied');
  expect(await rolesIn(refused!, 'Before: roles removed')).toEqual(['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_OWNER']);
  expect(await rolesIn(refused!, 'After: roles added')).toEqual(['GROUP_READ_ONLY']);

  expect(await rolesIn(unassign!, 'Before: roles removed')).toEqual(['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_OWNER']);

  // Newest first across the whole page.
  const times = await rows(page).locator('time').evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime') ?? '')));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  await context.close();
});

test('?groupId shows one project’s history, and the filters live in the URL', async ({ browser }) => {
  const { page, context } = await pageAs(browser, 'owner');
  await page.goto(`/activity?groupId=${p2.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Activity in ${p2.name}`);
  await expect(page.getByTestId('activity-count')).toBeVisible();
  await expect(rowsOf(page, publicKey)).toHaveCount(0);

  await page.goto(`/activity?groupId=${p1.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Activity in ${p1.name}`);
  await expect(rowsOf(page, publicKey)).toHaveCount(4);

  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Modify roles' }).click();
  await expect(page).toHaveURL(/[?&]action=update_roles/);
  await expect(page).toHaveURL(new RegExp(`[?&]groupId=${p1.id}`));
  await expect(rowsOf(page, publicKey)).toHaveCount(2);
  for (const row of await rows(page).all()) await expect(row).toContainText('Modify roles');

  await page.getByRole('combobox', { name: 'Outcome' }).click();
  await page.getByRole('option', { name: 'Failure' }).click();
  await expect(page).toHaveURL(/[?&]outcome=failure/);
  await expect(rowsOf(page, publicKey)).toHaveCount(1);
  await expect(rowsOf(page, publicKey)).toContainText(refusal.errorCode);

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Action' })).toHaveValue('Modify roles');
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await context.close();
});

test('exports the filtered history as CSV', async ({ browser }) => {
  const { page, context } = await pageAs(browser, 'owner');
  await page.goto(`/activity?groupId=${p1.id}`);
  await expect(rowsOf(page, publicKey)).toHaveCount(4);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  const text = await readFile((await download.path())!, 'utf8');
  const lines = text.trimEnd().split('\r\n');
  const header = lines[0]!.split(',');
  expect(header).toEqual(expect.arrayContaining(['createdAt', 'actor', 'action', 'groupId', 'publicKey', 'rolesBefore', 'rolesAfter', 'outcome']));
  const mine = lines.filter((line) => line.includes(publicKey));
  expect(mine).toHaveLength(4);
  const action = header.indexOf('action');
  const outcome = header.indexOf('outcome');
  expect(mine.map((line) => line.split(',')[action])).toEqual(['unassign', 'update_roles', 'update_roles', 'create']);
  expect(mine.map((line) => line.split(',')[outcome])).toEqual(['success', 'failure', 'success', 'success']);
  const group = header.indexOf('groupId');
  for (const line of lines.slice(1)) expect(line.split(',')[group]).toBe(p1.id);
  await context.close();
});

test('screenshots of /activity in light and dark, with no serious axe violation', async ({ browser }) => {
  const { page, context } = await pageAs(browser, 'owner');
  await page.goto('/activity');
  await expect(rowsOf(page, publicKey)).toHaveCount(4);
  await captureAndCheck(page, 'activity');
  await context.close();
});
