// Locators and small actions on a project's keys page, named after what a person sees.
import { expect, type Locator, type Page } from '@playwright/test';

export function keysTable(page: Page): Locator {
  return page.getByRole('table', { name: /^API keys of / });
}

/** The table row of a key, found by its public key (unique) rather than its description. */
export function keyRow(page: Page, publicKey: string): Locator {
  return keysTable(page).getByRole('row').filter({ hasText: publicKey });
}

/** Role API names shown as chips in a row's Roles cell, sorted. */
export async function rolesInRow(row: Locator): Promise<string[]> {
  const names = await row.getByRole('list', { name: 'Roles', exact: true }).getByRole('listitem').evaluateAll((items) =>
    items.map((item) => /\(([A-Z_]+)\)$/.exec(item.getAttribute('aria-label') ?? '')?.[1] ?? ''),
  );
  return names.sort();
}

export function dialog(page: Page, name: string): Locator {
  return page.getByRole('dialog', { name });
}

/** Picks roles in a Roles multiselect by typing their labels and pressing Enter, as a keyboard user would. */
export async function pickRoles(scope: Locator, labels: readonly string[]): Promise<void> {
  const input = scope.getByRole('combobox', { name: 'Roles', exact: true });
  for (const label of labels) {
    await input.fill(label);
    await scope.page().getByRole('listbox').getByRole('option', { name: new RegExp(`^${label}`) }).first().waitFor();
    await input.press('ArrowDown');
    await input.press('Enter');
  }
  await input.press('Escape');
}

export async function openProject(page: Page, groupId: string): Promise<void> {
  await page.goto(`/projects/${groupId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}
