// Browser helpers for the console's page specs: sign-in through the demo buttons (once per person), axe checks, screenshots.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { demoEmail, type DemoPersonKey } from './api';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
const sessions = new Map<DemoPersonKey, StorageState>();

/** Signs in by pressing the person's button on the sign-in page, as a person would. */
export async function signInThroughPage(page: Page, who: DemoPersonKey): Promise<void> {
  await page.goto('/signin');
  await page.getByRole('button', { name: `Sign in as ${demoEmail(who)}` }).click();
  await page.waitForURL(/\/projects$/);
  await expect(page.getByTestId('signed-in-person')).toHaveText(demoEmail(who));
}

/** A page signed in as the person; the first call per worker signs in through the page, later ones reuse its cookies. */
export async function pageAs(browser: Browser, who: DemoPersonKey): Promise<{ page: Page; context: BrowserContext }> {
  const saved = sessions.get(who);
  const context = await browser.newContext({
    storageState: saved,
    colorScheme: 'light',
    permissions: ['clipboard-read', 'clipboard-write'],
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  if (!saved) {
    await signInThroughPage(page, who);
    sessions.set(who, await context.storageState());
  }
  return { page, context };
}

export type Scheme = 'light' | 'dark';

export async function switchScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
}

/** The rules whose findings the color scheme can change; the others read structure and layout, which it does not. */
const colorRules = ['color-contrast', 'link-in-text-block'];

/** No serious or critical axe violation on what the page shows now (an open dialog included), by every rule or the color rules. */
export async function expectAccessible(page: Page, what: string, { colorsOnly = false } = {}): Promise<void> {
  // Legacy mode runs axe in the page itself; the default also opens a blank page per run to merge the results of frames
  // (the console has none), which doubled the time of every check.
  const axe = new AxeBuilder({ page }).setLegacyMode(true);
  const results = await (colorsOnly ? axe.withRules(colorRules) : axe).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}

/**
 * Saves test-results/screenshots/<name>-light.png and -dark.png (not committed) and checks axe in both schemes: every rule
 * in the first, the color rules in the second. The page's current scheme comes first, so checking screen after screen
 * switches the scheme once per screen instead of also back.
 */
export async function captureAndCheck(page: Page, name: string): Promise<void> {
  const schemes: Scheme[] = (await page.locator('html').getAttribute('data-mantine-color-scheme')) === 'dark' ? ['dark', 'light'] : ['light', 'dark'];
  for (const [index, scheme] of schemes.entries()) {
    await test.step(`${name} (${scheme})`, async () => {
      await switchScheme(page, scheme);
      // Transitions (a dialog's, the new colors') are run to their end: the picture and the contrast check see the final colors.
      await page.screenshot({ path: `test-results/screenshots/${name}-${scheme}.png`, animations: 'disabled' });
      await test.step('axe', () => expectAccessible(page, `${name} (${scheme})`, { colorsOnly: index > 0 }));
    });
  }
}
