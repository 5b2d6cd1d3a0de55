import { expect, test } from '@playwright/test';
import { demoProjects, e2eEmulator, rolesIn } from './support/api';
import { captureAndCheck, pageAs } from './support/browser';
import { keyRow, keysTable, openProject, rolesInRow } from './support/keys-page';

// What people without key-manager rights see: the read-only person lists keys without any control; a member sees nothing.
const mutationButtons = ['Create key', 'Assign existing key', 'Edit roles', 'Unassign'];

test('the read-only person sees the project’s keys and no mutation control', async ({ browser }) => {
  const { p1, p2 } = await demoProjects();
  const { page, context } = await pageAs(browser, 'reader');
  await expect(page.getByRole('link', { name: p1.name, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: p2.name, exact: true })).toHaveCount(0);

  await openProject(page, p1.id);
  await expect(page.getByTestId('current-project-role').getByRole('listitem', { name: 'Project Read Only (GROUP_READ_ONLY)' })).toBeVisible();
  const state = await e2eEmulator.state();
  const key = state.apiKeys.find((k) => k.roles.some((r) => r.groupId === p1.id))!;
  await expect(keysTable(page)).toBeVisible();
  expect(await rolesInRow(keyRow(page, key.publicKey))).toEqual(rolesIn(state, key.id, p1.id));
  for (const name of mutationButtons) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(keysTable(page).getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);
  await captureAndCheck(page, 'project-keys-read-only');
  await context.close();
});

test('the member with no project role: the project is not listed and its URL says not found', async ({ browser }) => {
  const { p1 } = await demoProjects();
  const { page, context } = await pageAs(browser, 'member');
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: p1.name, exact: true })).toHaveCount(0);
  await captureAndCheck(page, 'projects-member');

  // Not only its title: the HTTP status says so too, as for any page that does not exist.
  expect((await page.goto(`/projects/${p1.id}`))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found', level: 1 })).toBeVisible();
  await expect(page.getByText(p1.name)).toHaveCount(0);
  await captureAndCheck(page, 'not-found');
  await context.close();
});

test('a malformed project id is not found either, before any upstream call', async ({ browser }) => {
  const { page, context } = await pageAs(browser, 'owner');
  expect((await page.goto('/projects/not-a-project'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found', level: 1 })).toBeVisible();
  await context.close();
});
