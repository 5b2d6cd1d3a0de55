import { expect, test } from '@playwright/test';
import { demoProjects, e2eEmulator, projectKeysPath } from './support/api';
import { captureAndCheck, pageAs } from './support/browser';
import { keysTable } from './support/keys-page';

// The keys page's other states: loading (its request held in the browser), upstream error with retry and empty (both
// produced by the emulator's fault injection).
test.afterEach(async () => {
  await e2eEmulator.clearFaults();
});

test('while the keys load the page shows skeleton rows', async ({ browser }) => {
  const { p1 } = await demoProjects();
  const { page, context } = await pageAs(browser, 'owner');
  // The browser's request for the keys waits until the skeleton has been pictured and checked, however long that takes
  // (the emulator could delay the answer no longer than the console's upstream timeout).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/groups/${p1.id}/apiKeys`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/projects/${p1.id}`);
  await expect(page.getByRole('status', { name: 'Loading the keys' })).toBeVisible();
  await captureAndCheck(page, 'project-keys-loading');
  release();
  await expect(keysTable(page)).toBeVisible();
  await context.close();
});

test('an upstream failure shows the upstream’s detail and a retry that recovers', async ({ browser }) => {
  const { p1 } = await demoProjects();
  const { page, context } = await pageAs(browser, 'owner');
  const detail = 'Injected by the e2e run: the Admin API is having a bad day.';
  await e2eEmulator.fault({
    method: 'GET',
    path: projectKeysPath(p1.id),
    status: 503,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ error: 503, errorCode: 'SERVICE_UNAVAILABLE', detail, reason: 'Service Unavailable' }),
    times: 50,
  });
  await page.goto(`/projects/${p1.id}`);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the project’s keys' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText(detail);
  await captureAndCheck(page, 'project-keys-error');

  await e2eEmulator.clearFaults();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(keysTable(page)).toBeVisible();
  await expect(alert).toBeHidden();
  await context.close();
});

test('a project without keys says what to do next', async ({ browser }) => {
  const { p3 } = await demoProjects();
  const { page, context } = await pageAs(browser, 'orgowner');
  await e2eEmulator.fault({
    method: 'GET',
    path: projectKeysPath(p3.id),
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ links: [], results: [], totalCount: 0 }),
    times: 5,
  });
  await page.goto(`/projects/${p3.id}`);
  await expect(page.getByText('No API keys in this project yet')).toBeVisible();
  await expect(page.getByText('Use “Create key” above')).toBeVisible();
  await captureAndCheck(page, 'project-keys-empty');
  await context.close();
});
