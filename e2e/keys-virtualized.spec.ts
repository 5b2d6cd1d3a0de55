import { expect, test } from '@playwright/test';
import { demoProjects, e2eEmulator, projectKeysPath } from './support/api';
import { captureAndCheck, pageAs } from './support/browser';
import { keysTable } from './support/keys-page';

// A 500-key project renders through the virtualizer: few rows in the DOM, every key reachable by scrolling.
// How fast it scrolls is measured by the benchmark, never timed here.
const letters = (n: number) => Array.from({ length: 8 }, (_, i) => String.fromCharCode(97 + (Math.floor(n / 26 ** i) % 26))).join('');

function bigList(groupId: string, otherGroupId: string, orgId: string) {
  const projectRoles = [['GROUP_READ_ONLY'], ['GROUP_OWNER'], ['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY'], ['GROUP_DATA_ACCESS_ADMIN', 'GROUP_DATA_ACCESS_READ_WRITE', 'GROUP_READ_ONLY']];
  const results = Array.from({ length: 500 }, (_, i) => ({
    id: `e2e0${i.toString(16).padStart(20, '0')}`,
    desc: `Bulk key ${String(i + 1).padStart(3, '0')}`,
    publicKey: letters(i + 1000),
    privateKey: `********-****-****-${i.toString(16).padStart(12, '0')}`,
    roles: [
      ...projectRoles[i % projectRoles.length]!.map((roleName) => ({ groupId, roleName })),
      ...(i % 3 === 0 ? [{ groupId: otherGroupId, roleName: 'GROUP_READ_ONLY' }] : []),
      { orgId, roleName: 'ORG_MEMBER' },
    ],
  }));
  return { links: [], results, totalCount: results.length };
}

test.afterEach(async () => {
  await e2eEmulator.clearFaults();
});

test('a project with 500 keys keeps only the visible rows in the DOM and reaches the last key by scrolling', async ({ browser }) => {
  const { p1, p2, orgId } = await demoProjects();
  await e2eEmulator.fault({
    method: 'GET',
    path: projectKeysPath(p1.id),
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(bigList(p1.id, p2.id, orgId)),
    times: 5,
  });
  const { page, context } = await pageAs(browser, 'owner');
  await page.goto(`/projects/${p1.id}`);
  await expect(page.getByText('500 keys', { exact: true })).toBeVisible();
  const table = keysTable(page);
  await expect(table).toHaveAttribute('aria-rowcount', '501');
  const rendered = await table.locator('tbody tr').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  await captureAndCheck(page, 'project-keys-500');

  const scroller = page.getByTestId('keys-scroll');
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(table.getByText(/^Bulk key 2\d\d$/).first()).toBeVisible();
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(table.getByText('Bulk key 500', { exact: true })).toBeVisible();
  await expect(table.getByRole('row', { name: /Bulk key 500/ })).toHaveAttribute('aria-rowindex', '501');
  expect(await table.locator('tbody tr').count()).toBeLessThan(60);
  await context.close();
});
