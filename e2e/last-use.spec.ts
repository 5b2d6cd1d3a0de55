// The project page says when each key was last used, as its access list records it, or that there is no usage data.
import { expect, test } from '@playwright/test';
import { demoProjects } from './support/api';
import { pageAs } from './support/browser';
import { keyRow, openProject } from './support/keys-page';

test('each key row says when the key was last used and from where, or that it has no access list', async ({ browser }) => {
  const { p1, state } = await demoProjects();
  const inP1 = state.apiKeys.filter((k) => k.roles.some((r) => r.groupId === p1.id));
  const used = inP1.find((k) => k.accessList?.some((e) => e.lastUsed));
  const unlisted = inP1.find((k) => !k.accessList?.length);
  expect(used && unlisted, 'the demo project has a key with recorded use and one without an access list').toBeTruthy();
  // The latest use over the entries, worked out here from the emulator's state.
  const latest = [...used!.accessList!].filter((e) => e.lastUsed).sort((a, b) => Date.parse(b.lastUsed!) - Date.parse(a.lastUsed!))[0]!;
  const usedText = `Last used ${new Date(latest.lastUsed!).toISOString().slice(0, 10)}${latest.lastUsedAddress ? ` from ${latest.lastUsedAddress}` : ''}`;

  const { page, context } = await pageAs(browser, 'owner');
  await openProject(page, p1.id);
  const lines = page.getByTestId('last-use');
  // Read apart from the key list, cold on a fresh console: one access list per key, eight at a time.
  await expect(lines.first()).toBeVisible({ timeout: 30_000 });
  // Every row shown has its line once usage is read.
  await expect(async () => expect(await lines.count()).toBe(await page.getByTestId('key-row').count())).toPass();

  for (const [key, text] of [
    [used!, usedText],
    [unlisted!, 'No usage data (no access list)'],
  ] as const) {
    await page.goto(`/projects/${p1.id}?q=${key.publicKey}`);
    await expect(keyRow(page, key.publicKey).getByTestId('last-use')).toHaveText(text);
  }
  await context.close();
});
