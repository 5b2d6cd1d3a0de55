import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { Seed } from '@/lib/emulator/seed';
import { demoProjects, e2eEmulator, rolesIn, signedInApi } from './support/api';
import { captureAndCheck, pageAs } from './support/browser';
import { dialog, keyRow, keysTable, openProject, pickRoles, rolesInRow } from './support/keys-page';

// The project owner's day: projects, keys, and each dialog, with the table and the emulator agreeing after every change.
// Pictures and axe here are of states screens.spec.ts does not open (no match, the one-time secret, a pending change, a
// conflict); the plain pages and dialogs are pictured there, at every width.
// Each test starts from the demo seed and makes the keys it needs, so any one runs alone and in any order.
let page: Page;
let context: BrowserContext;
let p1: { id: string; name: string };
let p2: { id: string; name: string };

const keysIn = (state: Seed, groupId: string) => state.apiKeys.filter((k) => k.roles.some((r) => r.groupId === groupId));

interface Key {
  id: string;
  publicKey: string;
  desc: string;
}

/** A key the Organization Owner made in P2 (Project Read Only), then gave `rolesInP1` in P1. */
async function orgKey(desc: string, rolesInP1: readonly string[] = []): Promise<Key> {
  const api = await signedInApi('orgowner');
  const created = await api.post(`/api/groups/${p2.id}/apiKeys`, { data: { desc, roles: ['GROUP_READ_ONLY'] } });
  expect(created.status()).toBe(200);
  const key = (await created.json()) as Key;
  if (rolesInP1.length > 0) expect((await api.patch(`/api/groups/${p1.id}/apiKeys/${key.id}`, { data: { roles: rolesInP1 } })).status()).toBe(200);
  await api.dispose();
  return key;
}

/** Opens P1's keys page and the Edit roles dialog of a key. */
async function editRoles(key: Key) {
  await openProject(page, p1.id);
  const row = keyRow(page, key.publicKey);
  await row.getByRole('button', { name: 'Edit roles' }).click();
  return { row, edit: dialog(page, 'Edit roles') };
}

test.beforeAll(async () => {
  ({ p1, p2 } = await demoProjects());
});

test.beforeEach(async ({ browser }) => {
  await e2eEmulator.reset();
  ({ page, context } = await pageAs(browser, 'owner'));
});

test.afterEach(async () => {
  await context.close();
});

// The specs after this one find the demo seed, as they would without it.
test.afterAll(async () => {
  await e2eEmulator.reset();
});

test('the projects page lists the owner’s projects with their roles, key counts and highest privilege', async () => {
  const { p3, state } = await demoProjects();
  await page.goto('/projects');
  const table = page.getByRole('table', { name: /^Projects of / });
  const row1 = table.getByRole('row').filter({ has: page.getByRole('link', { name: p1.name, exact: true }) });
  const row2 = table.getByRole('row').filter({ has: page.getByRole('link', { name: p2.name, exact: true }) });
  await expect(row1.getByRole('list', { name: 'Your roles' }).getByRole('listitem', { name: 'Project Owner (GROUP_OWNER)' })).toBeVisible();
  await expect(row2.getByRole('list', { name: 'Your roles' }).getByRole('listitem', { name: 'Project Read Only (GROUP_READ_ONLY)' })).toBeVisible();
  await expect(table.getByRole('link', { name: p3.name, exact: true })).toHaveCount(0);
  await expect(row1.getByRole('cell').nth(3)).toHaveText(String(keysIn(state, p1.id).length));
  await expect(row1.getByRole('list', { name: 'Highest privilege' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search projects' }).fill(p2.name);
  await expect(table.getByRole('link', { name: p1.name, exact: true })).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]q=/);
  await page.getByRole('searchbox', { name: 'Search projects' }).fill('');
  await row1.getByRole('link', { name: p1.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${p1.id}$`));
});

test('the keys page shows exactly the emulator’s keys of the project, with search and role filter kept in the URL', async () => {
  await openProject(page, p1.id);
  await expect(page.getByTestId('current-project-role').getByRole('listitem', { name: 'Project Owner (GROUP_OWNER)' })).toBeVisible();
  const state = await e2eEmulator.state();
  const expected = keysIn(state, p1.id);
  await expect(page.getByText(`${expected.length} key${expected.length === 1 ? '' : 's'}`, { exact: true })).toBeVisible();
  for (const key of expected.slice(0, 10)) {
    expect(await rolesInRow(keyRow(page, key.publicKey)), key.desc).toEqual(rolesIn(state, key.id, p1.id));
  }
  await expect(page.getByRole('link', { name: 'Change history' })).toHaveAttribute('href', `/activity?groupId=${p1.id}`);

  const sample = expected[0]!;
  await page.getByRole('searchbox', { name: 'Search keys' }).fill(sample.publicKey);
  await expect(keysTable(page).getByRole('row')).toHaveCount(2);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${sample.publicKey}`));
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search keys' })).toHaveValue(sample.publicKey);
  await expect(keysTable(page).getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear search keys' }).click();

  const role = rolesIn(state, sample.id, p1.id)[0]!;
  await page.goto(`/projects/${p1.id}?role=${role}`);
  const holders = expected.filter((k) => rolesIn(state, k.id, p1.id).includes(role));
  await expect(page.getByText(holders.length === expected.length ? `${expected.length} keys` : `${holders.length} of ${expected.length} keys`)).toBeVisible();
  await page.goto(`/projects/${p1.id}?q=no-such-key-anywhere`);
  await expect(page.getByText('No key matches these filters')).toBeVisible();
  await captureAndCheck(page, 'project-keys-no-match');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${p1.id}$`));
});

test('create a key: the private key is shown once, copied, confirmed, then gone', async () => {
  const created = { desc: 'e2e created', publicKey: '', id: '' };
  await openProject(page, p1.id);
  await page.getByRole('button', { name: 'Create key' }).click();
  const create = dialog(page, 'Create API key');
  await expect(create.getByLabel('Description')).toBeFocused();

  await create.getByRole('button', { name: 'Create key' }).click();
  await expect(create.getByText('Pick at least one role')).toBeVisible();
  await create.getByLabel('Description').fill(created.desc);
  await expect(create.getByText(`${created.desc.length} / 250 characters`)).toBeVisible();
  await pickRoles(create, ['Project Read Only']);
  await create.getByRole('button', { name: 'Create key' }).click();

  const privateKey = await create.getByRole('textbox', { name: 'Private key', exact: true }).inputValue();
  expect(privateKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  created.publicKey = await create.getByRole('textbox', { name: 'Public key', exact: true }).inputValue();
  await expect(create.getByText('This is the only time the private key is shown')).toBeVisible();
  await expect(create.getByRole('button', { name: 'Done' })).toBeDisabled();
  await captureAndCheck(page, 'create-key-reveal');

  await create.getByRole('button', { name: 'Copy private key' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(privateKey);
  const stored = (await e2eEmulator.state()).apiKeys.find((k) => k.publicKey === created.publicKey);
  expect(stored?.privateKey).toBe(privateKey);
  created.id = stored!.id;

  await page.keyboard.press('Escape');
  await expect(create).toBeVisible();
  await create.getByLabel('I have saved the private key').check();
  await create.getByRole('button', { name: 'Done' }).click();
  await expect(create).toBeHidden();

  const row = keyRow(page, created.publicKey);
  await expect(row).toContainText(created.desc);
  expect(await rolesInRow(row)).toEqual(['GROUP_READ_ONLY']);
  expect(rolesIn(await e2eEmulator.state(), created.id, p1.id)).toEqual(['GROUP_READ_ONLY']);
  expect(await page.content()).not.toContain(privateKey);
});

test('assign an existing organization key with two roles', async () => {
  // A key of the organization that is not in this project: made in the other project by the Organization Owner.
  const assigned = await orgKey('e2e assign target');

  await openProject(page, p1.id);
  await page.getByRole('button', { name: 'Assign existing key' }).click();
  const assign = dialog(page, 'Assign existing key');
  const picker = assign.getByRole('combobox', { name: 'Organization key' });
  await picker.fill(assigned.publicKey);
  await page.getByRole('listbox').getByRole('option', { name: new RegExp(assigned.desc) }).click();
  await expect(assign.getByText(`id ${assigned.id}`)).toBeVisible();
  await pickRoles(assign, ['Project Read Only', 'Project Data Access Read Only']);
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(assign).toBeHidden();

  const row = keyRow(page, assigned.publicKey);
  await expect.poll(() => rolesInRow(row)).toEqual(['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY']);
  await expect(row.getByRole('listitem', { name: /^1 other project/ })).toBeVisible();
  const state = await e2eEmulator.state();
  expect(rolesIn(state, assigned.id, p1.id)).toEqual(['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY']);
  expect(rolesIn(state, assigned.id, p2.id)).toEqual(['GROUP_READ_ONLY']);
});

test('edit a key’s roles: the preview shows what will be added and removed, and the save carries expectedRoles', async () => {
  const assigned = await orgKey('e2e edit target', ['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY']);
  const { row, edit } = await editRoles(assigned);
  await pickRoles(edit, ['Project Data Access Read Only', 'Project Data Access Admin']);
  const preview = edit.getByTestId('role-change-preview');
  await expect(preview.getByRole('list', { name: 'Roles to add' }).getByRole('listitem')).toHaveAccessibleName('Project Data Access Admin (GROUP_DATA_ACCESS_ADMIN)');
  await expect(preview.getByRole('list', { name: 'Roles to remove' }).getByRole('listitem')).toHaveAccessibleName(
    'Project Data Access Read Only (GROUP_DATA_ACCESS_READ_ONLY)',
  );
  await captureAndCheck(page, 'edit-roles-preview');

  const patch = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().includes(`/apiKeys/${assigned.id}`));
  await edit.getByRole('button', { name: 'Save' }).click();
  expect((await patch).postDataJSON()).toEqual({
    roles: ['GROUP_READ_ONLY', 'GROUP_DATA_ACCESS_ADMIN'],
    expectedRoles: ['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY'],
  });
  await expect(edit).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'Roles saved' })).toContainText(assigned.publicKey);
  await expect.poll(() => rolesInRow(row)).toEqual(['GROUP_DATA_ACCESS_ADMIN', 'GROUP_READ_ONLY']);
  expect(rolesIn(await e2eEmulator.state(), assigned.id, p1.id)).toEqual(['GROUP_DATA_ACCESS_ADMIN', 'GROUP_READ_ONLY']);
});

test('Edit roles opens with the focus in Roles and its list closed until asked for, so the preview stays in view', async () => {
  const { edit } = await editRoles(await orgKey('e2e focus target', ['GROUP_READ_ONLY']));
  const roles = edit.getByRole('combobox', { name: 'Roles', exact: true });
  await expect(roles).toBeFocused();
  await expect(edit.getByTestId('role-change-preview')).toBeVisible();
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await roles.press('ArrowDown');
  await expect(page.getByRole('listbox')).toBeVisible();
  // The first Escape closes the list, the second the dialog.
  await roles.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(edit).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
});

test('a concurrent change answers 409: the dialog says who changed what and reloads the current roles', async () => {
  const assigned = await orgKey('e2e conflict target', ['GROUP_DATA_ACCESS_ADMIN', 'GROUP_READ_ONLY']);
  const { row, edit } = await editRoles(assigned);

  const api = await signedInApi('orgowner');
  expect((await api.patch(`/api/groups/${p1.id}/apiKeys/${assigned.id}`, { data: { roles: ['GROUP_READ_ONLY'] } })).status()).toBe(200);
  await api.dispose();

  await pickRoles(edit, ['Project Data Access Read Only']);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByText('Someone changed this key’s roles while you were editing')).toBeVisible();
  await expect(edit.getByTestId('changed-by')).toContainText('orgowner@demo.test');
  await expect(edit.getByRole('list', { name: 'Current roles' }).getByRole('listitem')).toHaveAccessibleName('Project Read Only (GROUP_READ_ONLY)');
  await captureAndCheck(page, 'edit-roles-conflict');
  // The optimistic change was rolled back: the table shows the emulator's truth.
  await expect.poll(() => rolesInRow(row)).toEqual(['GROUP_READ_ONLY']);

  await edit.getByRole('button', { name: 'Reload the current roles' }).click();
  await expect(edit.getByText('No change yet')).toBeVisible();
  await pickRoles(edit, ['Project Data Access Read Only']);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  expect(rolesIn(await e2eEmulator.state(), assigned.id, p1.id)).toEqual(['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY']);
});

test('removing every role points to Unassign; unassign leaves the key in the organization and its other project', async () => {
  const assigned = await orgKey('e2e unassign target', ['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY']);
  const { row, edit } = await editRoles(assigned);
  await pickRoles(edit, ['Project Data Access Read Only', 'Project Read Only']);
  await expect(edit.getByText('A key needs at least one role here')).toBeVisible();
  await expect(edit.getByRole('button', { name: 'Save' })).toBeDisabled();
  await edit.getByRole('button', { name: 'Unassign instead' }).click();

  const unassign = dialog(page, 'Unassign key');
  await expect(unassign).toContainText(assigned.desc);
  await expect(unassign).toContainText('stays in the organization');
  await unassign.getByRole('button', { name: 'Unassign' }).click();
  await expect(unassign).toBeHidden();
  await expect(row).toHaveCount(0);

  const state = await e2eEmulator.state();
  expect(state.apiKeys.some((k) => k.id === assigned.id)).toBe(true);
  expect(rolesIn(state, assigned.id, p1.id)).toEqual([]);
  expect(rolesIn(state, assigned.id, p2.id)).toEqual(['GROUP_READ_ONLY']);
});

test('the whole create flow works from the keyboard, and every dialog gives focus back', async () => {
  await openProject(page, p1.id);
  const opener = page.getByRole('button', { name: 'Create key' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const create = dialog(page, 'Create API key');
  await expect(create.getByLabel('Description')).toBeFocused();
  await page.keyboard.type('e2e keyboard');
  await page.keyboard.press('Tab');
  await expect(create.getByRole('combobox', { name: 'Roles', exact: true })).toBeFocused();
  await page.keyboard.type('Project Read Only');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(create).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(create.getByRole('textbox', { name: 'Private key', exact: true })).toBeVisible();
  const publicKey = await create.getByRole('textbox', { name: 'Public key', exact: true }).inputValue();
  await create.getByLabel('I have saved the private key').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(create.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(create).toBeHidden();
  await expect(opener).toBeFocused();
  // Still there once the dialog has faded out: nothing inside it took focus on the way out.
  await page.waitForTimeout(400);
  await expect(opener).toBeFocused();
  await expect(keyRow(page, publicKey)).toBeVisible();

  const editButton = keyRow(page, publicKey).getByRole('button', { name: 'Edit roles' });
  await editButton.focus();
  await page.keyboard.press('Enter');
  await expect(dialog(page, 'Edit roles')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page, 'Edit roles')).toBeHidden();
  await expect(editButton).toBeFocused();
});
