import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { e2eEmulator, rolesIn, signedInApi } from './support/api';
import { captureAndCheck, pageAs } from './support/browser';
import { dialog, keyRow, openProject, pickRoles, rolesInRow } from './support/keys-page';

// Roles as the Admin API decides them: a Project Owner through a team manages the project's keys, and the pages name
// the team; someone whose invitation is still pending gets a page saying so, and nothing else.
test.describe.configure({ mode: 'serial' });

const teamName = 'Analytics Engineers';
const stamp = Date.now().toString(36);
let page: Page;
let context: BrowserContext;
let project: { id: string; name: string };
const created = { desc: `e2e team ${stamp}`, publicKey: '', id: '' };

test.beforeAll(async ({ browser }) => {
  const state = await e2eEmulator.state();
  const groupId = state.teams?.find((t) => t.name === teamName)?.roles.find((r) => r.roleName === 'GROUP_OWNER')?.groupId;
  const found = state.projects.find((p) => p.id === groupId);
  if (!found) throw new Error('the demo seed lacks the team that owns a project');
  project = found;
  ({ page, context } = await pageAs(browser, 'teamowner'));
});

test.afterAll(async () => {
  await context.close();
});

test('the projects page and the header name the team a Project Owner role comes from', async () => {
  await page.goto('/projects');
  const table = page.getByRole('table', { name: /^Projects of / });
  const rows = table.getByRole('row');
  // Header row and the team's project: the person holds no role of their own anywhere.
  await expect(rows).toHaveCount(2);
  const row = rows.filter({ has: page.getByRole('link', { name: project.name, exact: true }) });
  await expect(row.getByRole('list', { name: `Your roles, through team ${teamName}` }).getByRole('listitem', { name: 'Project Owner (GROUP_OWNER)' })).toBeVisible();
  await expect(row).toContainText(`through team ${teamName}`);
  await captureAndCheck(page, 'projects-through-team');

  await openProject(page, project.id);
  const here = page.getByTestId('current-project-role');
  await expect(here.getByRole('listitem', { name: 'Project Owner (GROUP_OWNER)' })).toBeVisible();
  await expect(here).toContainText(`through team ${teamName}`);
});

test('through the team they create, edit and unassign the project’s keys', async () => {
  await openProject(page, project.id);
  await page.getByRole('button', { name: 'Create key' }).click();
  const create = dialog(page, 'Create API key');
  await create.getByLabel('Description').fill(created.desc);
  await pickRoles(create, ['Project Read Only']);
  await create.getByRole('button', { name: 'Create key' }).click();
  created.publicKey = await create.getByRole('textbox', { name: 'Public key', exact: true }).inputValue();
  await create.getByLabel('I have saved the private key').check();
  await create.getByRole('button', { name: 'Done' }).click();
  await expect(create).toBeHidden();
  const row = keyRow(page, created.publicKey);
  expect(await rolesInRow(row)).toEqual(['GROUP_READ_ONLY']);
  created.id = (await e2eEmulator.state()).apiKeys.find((k) => k.publicKey === created.publicKey)!.id;

  await row.getByRole('button', { name: 'Edit roles' }).click();
  const edit = dialog(page, 'Edit roles');
  await pickRoles(edit, ['Project Data Access Read Only']);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect.poll(() => rolesInRow(row)).toEqual(['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY']);
  expect(rolesIn(await e2eEmulator.state(), created.id, project.id)).toEqual(['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY']);

  await row.getByRole('button', { name: 'Unassign' }).click();
  const unassign = dialog(page, 'Unassign key');
  await unassign.getByRole('button', { name: 'Unassign' }).click();
  await expect(unassign).toBeHidden();
  await expect(row).toHaveCount(0);
  expect(rolesIn(await e2eEmulator.state(), created.id, project.id)).toEqual([]);
});

test('someone whose invitation is pending is told to accept it in Atlas first, and the API gives them nothing', async ({ browser }) => {
  const invited = await pageAs(browser, 'invited');
  await invited.page.goto('/projects');
  const notice = invited.page.getByTestId('invitation-pending');
  await expect(notice).toContainText('Accept your invitation in Atlas first');
  await expect(invited.page.getByRole('table', { name: /^Projects of / })).toHaveCount(0);
  await captureAndCheck(invited.page, 'invitation-pending');
  await invited.context.close();

  const api = await signedInApi('invited');
  const groups = (await (await api.get('/api/groups')).json()) as { results: unknown[] };
  expect(groups.results).toEqual([]);
  const state = await e2eEmulator.state();
  const invitedAs = state.users.find((u) => u.emailAddress === 'invited@demo.test');
  const ownedInInvitation = invitedAs?.roles.find((r) => r.roleName === 'GROUP_OWNER')?.groupId;
  expect(ownedInInvitation).toBeTruthy();
  const attempt = await api.post(`/api/groups/${ownedInInvitation}/apiKeys`, { data: { desc: 'invited', roles: ['GROUP_READ_ONLY'] } });
  expect(attempt.status()).toBe(404);
  await api.dispose();
});
