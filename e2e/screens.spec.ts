import { expect, test, type Page } from '@playwright/test';
import { demoProjects } from './support/api';
import { captureAndCheck, pageAs } from './support/browser';
import { dialog, keysTable } from './support/keys-page';

// Every page and dialog at a desktop, a small laptop and a phone width, light and dark, with axe in both schemes:
// pictures in test-results/screenshots/<screen>-<width>-<scheme>.png, and no sideways scrolling of the page.
// Each screen is opened once and then shown at the three widths in turn, rather than opened again for each width.
const widths = [1440, 1024, 390] as const;
// Every screen is pictured and checked by axe six times; on a busy machine that takes longer than the default minute.
test.describe.configure({ timeout: 480_000 });

/** Whether the page scrolls sideways, and if so the elements that stick out, so a failure says where to look. */
async function sideways(page: Page): Promise<string[] | false> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return false;
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[data-testid=${e.getAttribute('data-testid')}]` : ''}.${[...e.classList].join('.')}`;
    // What a box that scrolls sideways clips does not widen the page: name only what sticks out past every such box
    // (taking a positioned element as unclipped, as it is when its containing block lies outside the box).
    const clipped = (e: Element): boolean => {
      if (['absolute', 'fixed'].includes(getComputedStyle(e).position)) return false;
      for (let a = e.parentElement; a && a !== root; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= root.clientWidth + 1) return true;
      }
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1 && !clipped(e))
      .slice(0, 5)
      .map(name);
  });
}

/** Shows the screen at the width, checks that the page does not scroll sideways, then pictures and axe in both schemes. */
async function checkAt(page: Page, screen: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
  // The layout (and a virtualized list's measurements) follow the new width over a few frames; a page that still
  // scrolls sideways after them fails.
  await expect.poll(() => sideways(page), { message: `${screen} at ${width} px scrolls sideways`, timeout: 5_000 }).toBe(false);
  await captureAndCheck(page, `${screen}-${width}`);
}

async function checkAtEveryWidth(page: Page, screen: string): Promise<void> {
  for (const width of widths) await checkAt(page, screen, width);
}

test('the sign-in page', async ({ page }) => {
  await page.goto('/signin');
  const owner = page.getByRole('button', { name: 'Sign in as owner@demo.test' });
  await expect(owner).toContainText('Project Owner of');
  await expect(owner).toBeEnabled();
  await checkAtEveryWidth(page, 'signin');
});

test('a project owner’s pages, and the compact menu', async ({ browser }) => {
  const { p1 } = await demoProjects();
  const { page, context } = await pageAs(browser, 'owner');
  await page.goto('/projects');
  await expect(page.getByRole('table', { name: /^Projects of / })).toBeVisible();
  await checkAtEveryWidth(page, 'projects');

  await page.goto(`/projects/${p1.id}`);
  await expect(keysTable(page)).toBeVisible({ timeout: 30_000 });
  await checkAtEveryWidth(page, 'project-keys');

  await page.goto('/activity');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checkAtEveryWidth(page, 'activity');

  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await checkAtEveryWidth(page, 'not-found');

  // The header folds into a menu on a phone only.
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('menuitem', { name: 'Audit' })).toBeVisible();
  await checkAt(page, 'compact-menu', 390);
  await page.keyboard.press('Escape');
  await context.close();
});

test('a project owner’s dialogs, and the open option lists', async ({ browser }) => {
  const { p1 } = await demoProjects();
  const { page, context } = await pageAs(browser, 'owner');
  await page.goto(`/projects/${p1.id}`);
  await expect(keysTable(page)).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(dialog(page, 'Create API key')).toBeVisible();
  await checkAtEveryWidth(page, 'create-key-dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Assign existing key' }).click();
  const assign = dialog(page, 'Assign existing key');
  await expect(assign).toBeVisible();
  await checkAtEveryWidth(page, 'assign-key-dialog');
  await assign.getByRole('combobox', { name: 'Organization key' }).click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await checkAtEveryWidth(page, 'assign-key-list');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(assign).toBeHidden();

  const firstRow = keysTable(page).getByRole('row').nth(1);
  await firstRow.getByRole('button', { name: 'Edit roles' }).click();
  const edit = dialog(page, 'Edit roles');
  await expect(edit).toBeVisible();
  await checkAtEveryWidth(page, 'edit-roles-dialog');
  await edit.getByRole('combobox', { name: 'Roles', exact: true }).press('ArrowDown');
  await expect(page.getByRole('listbox')).toBeVisible();
  await expect(page.getByTestId('role-option-check').first()).toBeVisible();
  await checkAtEveryWidth(page, 'edit-roles-list');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();

  await firstRow.getByRole('button', { name: 'Unassign' }).click();
  await expect(dialog(page, 'Unassign key')).toBeVisible();
  await checkAtEveryWidth(page, 'unassign-dialog');
  await page.keyboard.press('Escape');
  await context.close();
});

test('the audit, its filters’ open lists, and the audit of a person who sees no project', async ({ browser }) => {
  const owner = await pageAs(browser, 'orgowner');
  await owner.page.goto('/audit');
  // By role: while React holds streamed content back (hidden) for a moment, a second, hidden copy of the page is in the DOM.
  await expect(owner.page.getByRole('region', { name: 'Summary' }).getByTestId('summary-keys')).toBeVisible();
  await checkAtEveryWidth(owner.page, 'audit');
  // The filters' option lists, open: the fields are enabled once the page is live, and then load their real control.
  for (const [field, screen] of [
    ['Roles', 'audit-roles-list'],
    ['Projects', 'audit-projects-list'],
  ] as const) {
    await owner.page.getByRole('combobox', { name: field, exact: true }).click();
    await expect(owner.page.getByRole('listbox')).toBeVisible();
    await checkAtEveryWidth(owner.page, screen);
    await owner.page.keyboard.press('Escape');
    await expect(owner.page.getByRole('listbox')).toHaveCount(0);
  }
  await owner.context.close();

  const member = await pageAs(browser, 'member');
  await member.page.goto('/audit');
  await expect(member.page.getByTestId('audit-no-projects')).toBeVisible();
  await expect(member.page.getByTestId('summary-keys')).toHaveCount(0);
  await checkAtEveryWidth(member.page, 'audit-no-projects');
  await member.context.close();
});

test('the skip link is the first Tab stop and moves focus to the main content', async ({ browser }) => {
  const { page, context } = await pageAs(browser, 'owner');
  await page.goto('/projects');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await context.close();
});
