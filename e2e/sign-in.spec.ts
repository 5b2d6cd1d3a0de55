import { expect, test } from '@playwright/test';
import { demoEmail } from './support/api';

test('a sign-in that cannot start says so and gives the buttons back', async ({ page }) => {
  await page.goto('/signin');
  const button = page.getByRole('button', { name: `Sign in as ${demoEmail('owner')}` });
  await expect(button).toBeEnabled();
  await page.waitForLoadState('networkidle');
  // The sign-in client loads on the click; with the console unreachable it cannot.
  await page.route('**/_next/static/chunks/**', (route) => route.abort('internetdisconnected'));
  await button.click();
  await expect(page.getByRole('alert', { name: 'Sign-in did not start' })).toContainText('could not be reached');
  await expect(button).toBeEnabled();

  await page.unrouteAll();
  await button.click();
  await page.waitForURL(/\/projects$/);
  await expect(page.getByTestId('signed-in-person')).toHaveText(demoEmail('owner'));
});
