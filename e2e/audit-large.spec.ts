// The audit matrix of a 500-key × 200-project organization stays virtualized: few DOM cells, however far one scrolls.
import { expect, test } from '@playwright/test';
import { summarizeKeys } from '../lib/api/audit-summary';
import { pageAs } from './support/browser';

const keyCount = 500;
const projectCount = 200;
const projectRoles = ['GROUP_OWNER', 'GROUP_USER_ADMIN', 'GROUP_CLUSTER_MANAGER', 'GROUP_DATA_ACCESS_READ_WRITE', 'GROUP_READ_ONLY'];

const hex = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(24 - prefix.length, '0')}`;
const letters = (n: number) => Array.from({ length: 8 }, (_, i) => String.fromCharCode(97 + (Math.floor(n / 26 ** i) % 26))).join('');

/** A deterministic report in the API's shape: each key in 1–24 projects with one or two roles. */
function largeReport() {
  const projects = Array.from({ length: projectCount }, (_, i) => ({ id: hex('aa', i), name: `Project ${String(i).padStart(3, '0')}` }));
  const keys = Array.from({ length: keyCount }, (_, k) => {
    const inProjects: Record<string, string[]> = {};
    const reach = 1 + ((k * 7) % 24);
    for (let j = 0; j < reach; j++) {
      const project = projects[(k * 13 + j * 17) % projectCount]!;
      const roles = [projectRoles[(k + j) % projectRoles.length]!];
      if ((k + j) % 4 === 0) roles.push('GROUP_READ_ONLY');
      inProjects[project.id] = [...new Set(roles)].sort();
    }
    return { id: hex('bb', k), desc: `Key ${k}`, publicKey: letters(k), orgRoles: ['ORG_MEMBER'], projects: inProjects };
  });
  const thresholds = { manyProjects: 3, manyOwnerKeys: 2 };
  return { generatedAt: new Date().toISOString(), thresholds, projects, keys, summary: summarizeKeys(keys, projects, thresholds) };
}

test('500 keys × 200 projects: the matrix renders a window of cells and scrolls to the far corner', async ({ browser }) => {
  const report = JSON.stringify(largeReport());
  const { page, context } = await pageAs(browser, 'orgowner');
  await page.route('**/api/audit**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: report }));
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });

  const started = Date.now();
  await page.goto('/audit');
  const grid = page.getByRole('grid', { name: 'Roles of every key in every project' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(keyCount + 1));
  await expect(grid).toHaveAttribute('aria-colcount', String(projectCount + 1));
  await expect(grid.locator('[role=row][data-key-id]').first()).toBeVisible();
  const firstPaintMs = Date.now() - started;

  const cellsNow = () => grid.locator('[role=gridcell]').count();
  expect(await cellsNow()).toBeLessThan(1000);

  // Scroll diagonally to the far corner in steps, a frame apart, as a person dragging would.
  await grid.evaluate(async (el) => {
    const steps = 40;
    for (let i = 1; i <= steps; i++) {
      el.scrollTo((el.scrollWidth * i) / steps, (el.scrollHeight * i) / steps);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }
  });
  await expect(grid.locator('[role=row][aria-rowindex="501"]')).toBeVisible();
  await expect(grid.locator('[role=columnheader][aria-colindex="201"]')).toBeVisible();
  expect(await cellsNow()).toBeLessThan(1000);
  await page.screenshot({ path: 'test-results/screenshots/audit-500x200-light.png' });

  // Timings are recorded for the reader, not asserted (DESIGN §6: budgets are measured by the benchmark).
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  test.info().annotations.push({
    type: 'timing',
    description: `first rows after ${firstPaintMs} ms; ${longTasks.length} long tasks, longest ${Math.round(Math.max(0, ...longTasks))} ms`,
  });
  console.log(`audit 500×200: first rows after ${firstPaintMs} ms; long tasks ${longTasks.map(Math.round).join(', ') || 'none'}`);
  await context.close();
});
