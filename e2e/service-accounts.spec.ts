import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { demoProjects, e2eEmulator } from './support/api';
import { pageAs } from './support/browser';
import { dialog, pickRoles } from './support/keys-page';

// Service accounts on the project page: the read-only view, each dialog by a project owner, and an organization
// owner's invite, with the emulator's state checked after every change.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const name = `e2e bot ${stamp}`;
let p1: { id: string; name: string };
let owner: { page: Page; context: BrowserContext };

async function account(accountName: string) {
  return (await e2eEmulator.state()).serviceAccounts?.find((a) => a.name === accountName);
}

const rolesIn = (a: Awaited<ReturnType<typeof account>>, groupId: string) => (a?.roles ?? []).filter((r) => r.groupId === groupId).map((r) => r.roleName).sort();

const table = (page: Page) => page.getByRole('table', { name: /^Service accounts of / });
const row = (page: Page, accountName: string): Locator => table(page).getByRole('row').filter({ hasText: accountName });

async function openAccounts(page: Page) {
  await page.goto(`/projects/${p1.id}?view=serviceAccounts`);
  await expect(page.getByRole('tab', { name: 'Service accounts', selected: true })).toBeVisible();
}

async function action(page: Page, accountName: string, item: string) {
  await page.getByRole('button', { name: `Actions for ${accountName}` }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test.beforeAll(async ({ browser }) => {
  ({ p1 } = await demoProjects());
  owner = await pageAs(browser, 'owner');
});

test.afterAll(async () => {
  await owner.context.close();
});

test('a reader sees the accounts with roles, secrets’ expiry and last use, and no way to change them', async ({ browser }) => {
  test.slow();
  const { page, context } = await pageAs(browser, 'reader');
  await openAccounts(page);
  await expect(page).toHaveURL(/[?&]view=serviceAccounts/);
  await expect(row(page, 'storefront-deployer').getByRole('listitem', { name: /GROUP_AUTOMATION_ADMIN/ })).toBeVisible();
  await expect(row(page, 'storefront-deployer').getByTestId('secret-line')).toContainText('last used 2026-12-01');
  await expect(row(page, 'analytics-export').getByTestId('secret-line')).toContainText('never used');
  await expect(page.getByRole('button', { name: 'Create service account' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Actions for / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Invite existing service account' })).toBeDisabled();
  await expect(page.getByText('Inviting an existing service account needs the Organization Owner role.')).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search service accounts' }).fill('analytics');
  await expect(table(page).getByRole('row')).toHaveCount(2);
  await expect(page).toHaveURL(/[?&]q=analytics/);
  await context.close();
});

test('a project owner creates a service account and sees its secret once, saved before the dialog closes', async () => {
  const { page } = owner;
  await openAccounts(page);
  await page.getByRole('button', { name: 'Create service account' }).click();
  const create = dialog(page, 'Create service account');
  await create.getByRole('textbox', { name: 'Name' }).fill(name);
  await create.getByRole('textbox', { name: 'Description' }).fill('made by the e2e test');
  await pickRoles(create, ['Project Read Only']);
  await expect(create.getByText(/Default 720 hours/)).toBeVisible();
  await create.getByRole('button', { name: 'Create service account' }).click();

  const secret = create.getByRole('textbox', { name: 'Client secret' });
  await expect(secret).toHaveValue(/^mdb_sa_sk_/);
  const value = await secret.inputValue();
  const done = create.getByRole('button', { name: 'Done' });
  await expect(done).toBeDisabled();
  await create.getByRole('checkbox', { name: 'I have saved the secret' }).check();
  await done.click();
  await expect(create).toHaveCount(0);

  await expect(row(page, name)).toBeVisible();
  const made = await account(name);
  expect(rolesIn(made, p1.id)).toEqual(['GROUP_READ_ONLY']);
  expect(made?.secrets).toHaveLength(1);
  // The value is nowhere on the page any more.
  expect(await page.content()).not.toContain(value);
});

test('a project owner edits its roles with a preview of what is added', async () => {
  const { page } = owner;
  await action(page, name, 'Edit roles');
  const edit = dialog(page, 'Edit roles');
  await pickRoles(edit, ['Project Data Access Read Only']);
  await expect(edit.getByTestId('role-change-preview')).toContainText('Will add');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await expect(row(page, name).getByRole('listitem', { name: /GROUP_DATA_ACCESS_READ_ONLY/ })).toBeVisible();
  expect(rolesIn(await account(name), p1.id)).toEqual(['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY']);
});

test('a project owner rotates its secret: a new one shown once, then the old one deleted', async () => {
  const { page } = owner;
  const before = await account(name);
  await action(page, name, 'Rotate secret');
  const rotate = dialog(page, 'Rotate secret');
  await expect(rotate.getByTestId('rotate-old-secret')).toContainText('never used');
  await rotate.getByRole('button', { name: 'Create new secret' }).click();
  await expect(rotate.getByRole('textbox', { name: 'Client secret' })).toHaveValue(/^mdb_sa_sk_/);
  await expect(rotate.getByRole('button', { name: 'Delete this secret' })).toBeDisabled();
  await rotate.getByRole('checkbox', { name: 'I have saved the secret' }).check();
  await rotate.getByRole('button', { name: 'Delete this secret' }).click();
  await expect(rotate.getByText('No other secret remains.')).toBeVisible();
  await rotate.getByRole('button', { name: 'Done' }).click();
  await expect(rotate).toHaveCount(0);

  const after = await account(name);
  expect(after?.secrets).toHaveLength(1);
  expect(after?.secrets[0]?.id).not.toBe(before?.secrets[0]?.id);
  await expect(row(page, name).getByTestId('secret-line')).toHaveCount(1);
});

test('a project owner removes it from the project, told that its secrets stay valid until they expire', async () => {
  const { page } = owner;
  await action(page, name, 'Remove from project');
  const remove = dialog(page, 'Remove from project');
  await expect(remove).toContainText('secrets stay valid until they expire');
  await remove.getByRole('button', { name: 'Remove from project' }).click();
  await expect(remove).toHaveCount(0);
  await expect(row(page, name)).toHaveCount(0);
  const removed = await account(name);
  expect(rolesIn(removed, p1.id)).toEqual([]);
  expect(removed?.secrets).toHaveLength(1);
});

test('an organization owner invites an existing organization service account into the project', async ({ browser }) => {
  // A second person's first page view on a cold server: its own sign-in and a render of the page.
  test.slow();
  const { page, context } = await pageAs(browser, 'orgowner');
  await openAccounts(page);
  await page.getByRole('button', { name: 'Invite existing service account' }).click();
  const invite = dialog(page, 'Invite existing service account');
  await invite.getByLabel('Service account', { exact: true }).fill('billing');
  await page.getByRole('option', { name: /^billing-sync/ }).click();
  await pickRoles(invite, ['Project Read Only']);
  await invite.getByRole('button', { name: 'Invite' }).click();
  await expect(invite).toHaveCount(0);
  await expect(row(page, 'billing-sync')).toBeVisible();
  expect(rolesIn(await account('billing-sync'), p1.id)).toEqual(['GROUP_READ_ONLY']);
  await context.close();
});
