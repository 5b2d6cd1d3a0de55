import { expect, test } from '@playwright/test';
import { startOidcIssuer } from './support/oidc-issuer';
import { e2eConsole } from './support/servers';

let issuer: Awaited<ReturnType<typeof startOidcIssuer>>;

test.beforeAll(async () => {
  issuer = await startOidcIssuer();
});

test.afterAll(async () => {
  await issuer.close();
});

test('a person signs in through OpenID Connect, reaches a project page and signs out', async ({ page }) => {
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
  await page.waitForURL((url) => url.href.startsWith(e2eConsole.oidcIssuer));
  await page.locator('input[name="login"]').fill('owner@demo.test');
  await page.locator('input[name="password"]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${e2eConsole.url}/projects`);
  await expect(page.getByTestId('signed-in-person')).toHaveText('owner@demo.test');
  const projectLink = page.getByRole('main').getByRole('link').first();
  await projectLink.click();
  await expect(page).toHaveURL(/\/projects\/[a-f0-9]{24}$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin/);
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/signin/);
});
