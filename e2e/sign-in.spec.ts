import { expect, test } from '@playwright/test';
import { demoEmail } from './support/api';

test('a sign-in that cannot start says so and gives the buttons back', async ({ page }) => {
  // The page's own scripts come through; from the click on the console cannot be reached, so the sign-in client, which
  // loads on the click, cannot. Routed before the page opens, so no script is fetched outside the route's say.
  let reachable = true;
  await page.route('**/_next/static/chunks/**', (route) => (reachable ? route.continue() : route.abort('internetdisconnected')));
  await page.goto('/signin');
  const button = page.getByRole('button', { name: `Sign in as ${demoEmail('owner')}` });
  // Enabled once React has taken the page over; a click before then would be lost.
  await expect(button).toBeEnabled();
  reachable = false;
  await button.click();
  await expect(page.getByRole('alert', { name: 'Sign-in did not start' })).toContainText('could not be reached');
  await expect(button).toBeEnabled();

  reachable = true;
  await button.click();
  await page.waitForURL(/\/projects$/);
  await expect(page.getByTestId('signed-in-person')).toHaveText(demoEmail('owner'));
});
