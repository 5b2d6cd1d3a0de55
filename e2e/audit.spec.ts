// The role audit page in Chromium: summary and matrix against the emulator, filters in the URL, click-through and exports
// (its pictures and axe: screens.spec.ts).
import { readFile } from 'node:fs/promises';
import type { Seed } from '@/lib/emulator/seed';
import { expect, test, type Page } from '@playwright/test';
import { demoEmail, demoProjects, e2eEmulator, type DemoPersonKey } from './support/api';
import { describeRole } from '../lib/roles';
import { pageAs } from './support/browser';

const accessRoles = ['ORG_OWNER', 'GROUP_OWNER', 'GROUP_USER_ADMIN'];

/** The audit as the person should see it, computed plainly from the emulator's state with the default thresholds (3, 2). */
function expectedAudit(state: Seed, who: DemoPersonKey) {
  const consoleKey = state.apiKeys.find((k) => k.id === state.consoleKey)!;
  const orgId = consoleKey.orgId;
  const person = state.users.find((u) => u.emailAddress === demoEmail(who))!;
  const orgOwner = person.roles.some((r) => r.orgId === orgId && r.roleName === 'ORG_OWNER');
  const projects = state.projects
    .filter((p) => p.orgId === orgId && (orgOwner || person.roles.some((r) => r.groupId === p.id)))
    .sort((a, b) => a.name.localeCompare(b.name));
  const visible = new Set(projects.map((p) => p.id));
  const keys = state.apiKeys
    .filter((k) => k.orgId === orgId)
    .map((k) => ({
      ...k,
      orgRoles: k.roles.filter((r) => r.orgId === orgId).map((r) => r.roleName),
      inProjects: [...new Set(k.roles.filter((r) => r.groupId && visible.has(r.groupId)).map((r) => r.groupId!))],
      visibleRoles: k.roles.filter((r) => r.orgId === orgId || (r.groupId && visible.has(r.groupId))).map((r) => r.roleName),
    }))
    .filter((k) => orgOwner || k.inProjects.length > 0);
  // Service accounts are rows of the matrix beside the keys: those with a role in a visible project, or all of them for
  // an Organization Owner.
  const accounts = (state.serviceAccounts ?? [])
    .filter((a) => a.orgId === orgId && (orgOwner || a.roles.some((r) => r.groupId && visible.has(r.groupId))))
    .map((a) => ({
      ...a,
      orgRoles: a.roles.filter((r) => r.orgId === orgId).map((r) => r.roleName),
      inProjects: [...new Set(a.roles.filter((r) => r.groupId && visible.has(r.groupId)).map((r) => r.groupId!))],
    }));
  const projectOwner = (k: (typeof keys)[number], groupId: string) => k.roles.some((r) => r.groupId === groupId && r.roleName === 'GROUP_OWNER');
  const orgWide = (k: { orgRoles: string[] }) => k.orgRoles.includes('ORG_OWNER') || k.orgRoles.includes('ORG_READ_ONLY');
  return {
    projects,
    keys,
    accounts,
    /** Keys listed once above the matrix, and the matrix's key rows: keys with a project role, and keys without an organization-wide role. */
    orgWide: keys.filter(orgWide),
    matrixRows: keys.filter((k) => k.inProjects.length > 0 || !orgWide(k)),
    /** The same for service accounts, by their organization roles. */
    orgWideAccounts: accounts.filter(orgWide),
    matrixAccounts: accounts.filter((a) => a.inProjects.length > 0 || !orgWide(a)),
    summary: {
      keys: keys.length,
      access: keys.filter((k) => k.visibleRoles.some((r) => accessRoles.includes(r))).length,
      noProject: keys.filter((k) => k.inProjects.length === 0).length,
      manyProjects: keys.filter((k) => k.inProjects.length > 3).length,
      overOwned: projects.filter((p) => keys.filter((k) => projectOwner(k, p.id)).length > 2).length,
      // Keys and service accounts holding Organization Owner, one figure.
      orgOwners: [...keys, ...accounts].filter((k) => k.orgRoles.includes('ORG_OWNER')).length,
    },
  };
}

/** RFC 4180, enough for the console's own exports. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      endCell();
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += c;
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

const matrix = (page: Page) => page.getByRole('grid', { name: 'Roles of every key in every project' });
const showing = (page: Page) => page.getByTestId('audit-showing');

async function openAudit(page: Page, query = '') {
  await page.goto(`/audit${query}`);
  await expect(matrix(page)).toBeVisible();
}

test('the summary and the matrix match the emulator for an Organization Owner', async ({ browser }) => {
  const expected = expectedAudit(await e2eEmulator.state(), 'orgowner');
  const { page, context } = await pageAs(browser, 'orgowner');
  await openAudit(page);
  await expect(page.getByTestId('summary-keys')).toContainText(String(expected.summary.keys));
  await expect(page.getByTestId('summary-access')).toContainText(String(expected.summary.access));
  await expect(page.getByTestId('summary-no-project')).toContainText(String(expected.summary.noProject));
  await expect(page.getByTestId('summary-many-projects')).toContainText(String(expected.summary.manyProjects));
  await expect(page.getByTestId('summary-over-owned')).toContainText(String(expected.summary.overOwned));
  await expect(page.getByTestId('summary-org-owners')).toContainText(String(expected.summary.orgOwners));
  const { keys, accounts, projects, orgWide, matrixRows, orgWideAccounts, matrixAccounts } = expected;
  expect(orgWideAccounts.length).toBeGreaterThan(0);
  // The summary's service account figures are checked against the emulator's state in lib/server/audit-service-accounts.test.ts.
  await expect(showing(page)).toContainText(
    `Showing ${keys.length} of ${keys.length} keys (${orgWide.length} organization-wide) and ${accounts.length} service accounts (${orgWideAccounts.length} organization-wide) in ${projects.length} of ${projects.length} projects`,
  );
  // Service accounts are rows of the matrix too (rendered only when scrolled to: the rows are virtualized).
  await expect(matrix(page)).toHaveAttribute('aria-rowcount', String(matrixRows.length + matrixAccounts.length + 1));
  // Organization-wide keys are listed once above the matrix; the console's own key is marked as expected, not risky.
  const band = page.getByTestId('org-wide-keys');
  const consoleKeyId = (await e2eEmulator.state()).consoleKey;
  const consoleKey = keys.find((k) => k.id === consoleKeyId)!;
  await expect(band.locator(`[data-key-id="${consoleKey.id}"]`)).toContainText('The console’s own key: expected');
  await expect(band.locator(`[data-key-id="${consoleKey.id}"]`).getByTestId('risk-mark')).toHaveCount(0);
  // Service accounts with an organization-wide role are listed there too, with their kind and client id.
  await expect(band).toContainText(`Organization-wide access: ${orgWide.length} keys and ${orgWideAccounts.length} service account`);
  if (orgWide.length + orgWideAccounts.length > 5) await band.getByRole('button', { name: /^Show all/ }).click();
  for (const account of orgWideAccounts) {
    const row = band.locator(`[data-client-id="${account.clientId}"]`);
    await expect(row).toContainText('Service account');
    await expect(row).toContainText(account.name);
    await expect(row).toContainText(account.clientId);
    await expect(row.getByRole('list', { name: `Organization roles of ${account.name}` })).toBeVisible();
  }
  await expect(matrix(page)).toHaveAttribute('aria-colcount', String(projects.length + 1));

  // Every role of the first rendered key is named in its project's column (chips beyond two are summed up as “+n more”).
  const renderedIds = await matrix(page).locator('[role=row][data-key-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key-id')));
  const key = keys.find((k) => renderedIds.includes(k.id) && k.inProjects.length > 0)!;
  const firstRow = matrix(page).locator(`[role=row][data-key-id="${key.id}"]`);
  let checked = 0;
  for (const role of key.roles.filter((r) => r.groupId)) {
    const column = projects.findIndex((p) => p.id === role.groupId) + 2;
    const cell = firstRow.locator(`[role=gridcell][aria-colindex="${column}"]`);
    if ((await cell.count()) === 0) continue; // outside the rendered columns
    await expect(cell.getByRole('link')).toHaveAttribute('aria-label', new RegExp(describeRole(role.roleName).label));
    checked++;
  }
  expect(checked).toBeGreaterThan(0);
  await context.close();
});

test('the view by project counts the organization-wide keys and service accounts that also reach each project', async ({ browser }) => {
  const { orgWide, orgWideAccounts } = expectedAudit(await e2eEmulator.state(), 'orgowner');
  const { page, context } = await pageAs(browser, 'orgowner');
  await page.goto('/audit?view=projects');
  const first = page.getByTestId('project-review').first();
  await expect(first).toContainText(`Also reaching it: the ${orgWide.length + orgWideAccounts.length} organization-wide keys and accounts listed above.`);
  const band = page.getByTestId('org-wide-keys');
  if (orgWide.length + orgWideAccounts.length > 5) await band.getByRole('button', { name: /^Show all/ }).click();
  await expect(band.locator('[data-kind="serviceAccount"]')).toHaveCount(orgWideAccounts.length);
  await context.close();
});

test('a person with project roles sees only their projects, and no hint of the others', async ({ browser }) => {
  const { p1, p2, p3, state } = await demoProjects();
  const expected = expectedAudit(state, 'owner');
  const { page, context } = await pageAs(browser, 'owner');
  await openAudit(page);
  const headers = matrix(page).getByRole('columnheader');
  await expect(headers).toHaveCount(expected.projects.length + 1);
  await expect(matrix(page)).toContainText(p1.name);
  await expect(matrix(page)).toContainText(p2.name);
  expect(await page.content()).not.toContain(p3.id);
  await expect(page.getByRole('main')).not.toContainText(p3.name);
  await expect(page.getByTestId('summary-keys')).toContainText(String(expected.summary.keys));
  await expect(page.getByTestId('summary-access')).toContainText(String(expected.summary.access));
  await context.close();
});

test('filters narrow the matrix, live in the URL and survive a reload', async ({ browser }) => {
  const { p1, state } = await demoProjects();
  const expected = expectedAudit(state, 'orgowner');
  const { page, context } = await pageAs(browser, 'orgowner');
  await openAudit(page);

  // Text search by public key finds exactly that key.
  const target = expected.keys.find((k) => k.inProjects.includes(p1.id))!;
  await page.getByRole('textbox', { name: 'Search' }).fill(target.publicKey);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${target.publicKey}`));
  await expect(showing(page)).toContainText(`Showing 1 of ${expected.keys.length} keys`);
  await expect(matrix(page).locator('[role=row][data-key-id]')).toHaveCount(1);
  await page.getByRole('textbox', { name: 'Search' }).fill('');
  await expect(page).not.toHaveURL(/[?&]q=/);

  // Only risky: every row left carries the risk mark.
  await page.getByRole('switch', { name: 'Only risky keys' }).check();
  await expect(page).toHaveURL(/[?&]risky=1/);
  const riskyRows = matrix(page).locator('[role=row][data-key-id]');
  await expect(riskyRows.first()).toBeVisible();
  for (const row of await riskyRows.all()) await expect(row.getByTestId('risk-mark')).toBeVisible();

  // Tier: Grants access, then one project only.
  await page.getByRole('radiogroup', { name: 'Tier' }).getByText('Grants access').click();
  await expect(page).toHaveURL(/[?&]tier=access/);
  // "Only risky keys" is still on: the console's own key grants access but is expected, not risky.
  const withAccess = expected.keys.filter((k) => k.id !== state.consoleKey && k.visibleRoles.some((r) => accessRoles.includes(r))).length;
  await expect(showing(page)).toContainText(`Showing ${withAccess} of`);

  await page.getByRole('combobox', { name: 'Projects' }).fill(p1.name);
  await page.getByRole('option', { name: p1.name, exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`[?&]project=${p1.id}`));
  await expect(matrix(page).getByRole('columnheader')).toHaveCount(2);

  // Sorting by reach.
  await page.getByRole('radiogroup', { name: 'Sort by' }).getByText('Reach').click();
  await expect(page).toHaveURL(/[?&]sort=reach/);

  // A reload restores the same view from the URL.
  const url = page.url();
  const before = await showing(page).textContent();
  await page.reload();
  await expect(matrix(page)).toBeVisible();
  expect(page.url()).toBe(url);
  await expect(showing(page)).toHaveText(before!);
  await expect(page.getByRole('switch', { name: 'Only risky keys' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Grants access' })).toBeChecked();

  // A summary card replaces the filters with its own.
  await page.getByTestId('summary-no-project').click();
  await expect(page).toHaveURL(/[?&]reach=none/);
  await expect(page).not.toHaveURL(/risky=1|tier=access|project=/);
  await expect(page.getByTestId('summary-no-project')).toHaveAttribute('aria-pressed', 'true');
  await context.close();
});

test('the kind filter leaves only service accounts in the matrix, each marked as one and opening on its project', async ({ browser }) => {
  const { matrixAccounts, orgWideAccounts } = expectedAudit(await e2eEmulator.state(), 'orgowner');
  expect(matrixAccounts.length).toBeGreaterThan(1);
  expect(orgWideAccounts.length).toBeGreaterThan(0);
  const { page, context } = await pageAs(browser, 'orgowner');
  await openAudit(page);
  await page.getByRole('radiogroup', { name: 'Kind' }).getByText('Service accounts').click();
  await expect(page).toHaveURL(/[?&]kind=serviceAccount/);
  await expect(matrix(page)).toHaveAttribute('aria-rowcount', String(matrixAccounts.length + 1));
  await expect(matrix(page).locator('[role=row][data-kind="serviceAccount"]')).toHaveCount(matrixAccounts.length);
  await expect(matrix(page).locator('[role=row][data-key-id]')).toHaveCount(0);
  // The organization-wide accounts stay above the matrix, and no key with them.
  const band = page.getByTestId('org-wide-keys');
  await expect(band.locator('tbody tr')).toHaveCount(orgWideAccounts.length);
  await expect(band.locator('[data-kind="key"]')).toHaveCount(0);
  // The kind is in each row header's accessible name, not only in its look.
  for (const account of matrixAccounts) {
    await expect(matrix(page).locator(`[role=row][data-client-id="${account.clientId}"]`).getByRole('rowheader')).toHaveAccessibleName(
      new RegExp(`${account.name}[\\s\\S]*Service account`),
    );
  }
  const deployer = matrixAccounts.find((a) => a.name === 'storefront-deployer')!;
  const cell = matrix(page).locator(`[role=row][data-client-id="${deployer.clientId}"]`).getByTestId('audit-cell').first();
  await expect(cell).toHaveAttribute('aria-label', /^Service account storefront-deployer in /);
  await cell.click();
  await expect(page).toHaveURL(new RegExp(`/projects/[0-9a-f]{24}\\?view=serviceAccounts&q=${deployer.clientId}`));
  await expect(page.getByText(deployer.name).first()).toBeVisible();
  await context.close();
});

test('clicking a cell opens that key in that project', async ({ browser }) => {
  const { p1, state } = await demoProjects();
  const key = expectedAudit(state, 'orgowner').keys.find((k) => k.inProjects.includes(p1.id))!;
  const { page, context } = await pageAs(browser, 'orgowner');
  await openAudit(page, `?q=${key.publicKey}&project=${p1.id}`);
  await matrix(page).getByTestId('audit-cell').first().click();
  await expect(page).toHaveURL(new RegExp(`/projects/${p1.id}\\?q=${key.publicKey}`));
  await expect(page.getByRole('table', { name: /^API keys of / })).toContainText(key.publicKey);
  await context.close();
});

test('exports the current view as CSV and JSON', async ({ browser }) => {
  const { p1, p2, state } = await demoProjects();
  const expected = expectedAudit(state, 'orgowner');
  const { page, context } = await pageAs(browser, 'orgowner');
  await openAudit(page, `?project=${p1.id},${p2.id}&sort=name`);
  // Organization-wide keys reach every project, so narrowing to two projects keeps them.
  const shown = expected.keys.filter((k) => k.inProjects.includes(p1.id) || k.inProjects.includes(p2.id) || expected.orgWide.includes(k));
  await expect(showing(page)).toContainText(`Showing ${shown.length} of`);

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^atlas-keys-audit-.+\.csv$/);
  const rows = parseCsv(await readFile((await csvDownload.path())!, 'utf8'));
  const [header, ...body] = rows;
  expect(header).toEqual([
    'Kind',
    'Description',
    'Public key',
    'Key ID',
    'Organization roles',
    'Highest tier',
    'Projects',
    'Risks',
    ...[p1, p2].sort((a, b) => a.name.localeCompare(b.name)).map((p) => `${p.name} (${p.id})`),
  ]);
  const keyRows = body.filter((r) => r[0] === 'API key');
  const accountRows = body.filter((r) => r[0] === 'Service account');
  expect(keyRows.length + accountRows.length).toBe(body.length);
  expect(keyRows.map((r) => r[3]).sort()).toEqual(shown.map((k) => k.id).sort());
  for (const row of accountRows) expect(row[3]).toMatch(/^mdb_sa_id_[a-f0-9]{24}$/);
  for (const row of keyRows) {
    const key = shown.find((k) => k.id === row[3])!;
    expect(row[2]).toBe(key.publicKey);
    const p1Column = header!.indexOf(`${p1.name} (${p1.id})`);
    const p1Roles = key.roles.filter((r) => r.groupId === p1.id).map((r) => r.roleName).sort();
    expect(row[p1Column]!.split(' ').filter(Boolean).sort()).toEqual(p1Roles);
  }
  for (const cell of body.flat()) expect(cell).not.toMatch(/^[=+\-@]/);

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const json = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8')) as {
    generatedAt: string;
    exportedAt: string;
    projects: { id: string }[];
    keys: { id: string; projects: Record<string, string[]> }[];
    filters: { projects: string[] };
  };
  expect(Date.parse(json.generatedAt)).not.toBeNaN();
  expect(json.projects.map((p) => p.id).sort()).toEqual([p1.id, p2.id].sort());
  expect(json.keys.map((k) => k.id).sort()).toEqual(shown.map((k) => k.id).sort());
  expect(json.filters.projects.sort()).toEqual([p1.id, p2.id].sort());
  for (const key of json.keys) expect(Object.keys(key.projects).every((id) => id === p1.id || id === p2.id)).toBe(true);
  await context.close();
});

test('the thresholds load on demand, take keyboard input and change the summary', async ({ browser }) => {
  const { page, context } = await pageAs(browser, 'orgowner');
  await openAudit(page);
  await page.getByRole('button', { name: /^Thresholds:/ }).click();
  const field = page.getByRole('textbox', { name: /Far-reaching/ });
  await expect(field).toBeVisible();
  await field.fill('0');
  await expect(page.getByRole('button', { name: /^Thresholds: 0 projects/ })).toBeVisible();
  const orgOwners = page.getByRole('textbox', { name: /Too many Organization Owners/ });
  await orgOwners.fill('0');
  await expect(page.getByTestId('summary-org-owners')).toContainText('threshold 0');
  await expect(page.getByTestId('summary-many-projects')).toContainText('more than 0 projects');
  await page.keyboard.press('Escape');
  await context.close();
});

test('a filter multiselect takes keyboard input before its code has arrived, and hands it over', async ({ browser }) => {
  const { p1 } = await demoProjects();
  const { page, context } = await pageAs(browser, 'orgowner');
  // Hold back the chunk with Mantine's MultiSelect, so the keyboard meets the stand-in whatever the timing.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('@mantine/core/MultiSelect')) {
      held = true;
      await released;
    }
    await route.fulfill({ response, body });
  });
  await openAudit(page);

  await page.getByRole('textbox', { name: 'Search' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Roles' })).toBeFocused();
  await page.keyboard.press('Tab');
  const projects = page.getByRole('combobox', { name: 'Projects' });
  await expect(projects).toBeFocused();
  await page.keyboard.type(p1.name);
  await expect.poll(() => held).toBe(true);
  await expect(projects).toHaveValue(p1.name);
  await expect(page.getByRole('listbox')).toHaveCount(0);

  release();
  // The real control takes over with the focus and the text typed so far, its options already filtered.
  await expect(page.getByRole('option', { name: p1.name, exact: true })).toBeVisible();
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(projects).toBeFocused();
  await expect(projects).toHaveValue(p1.name);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`[?&]project=${p1.id}`));
  await expect(matrix(page).getByRole('columnheader')).toHaveCount(2);
  await context.close();
});
