// Figure 4: Largest Contentful Paint, dialog readiness, audit filter changes and first-load JavaScript, in headless Chromium.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { BenchConsole } from './console-process';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function openPage(browser: Browser, bench: BenchConsole, cookie: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: bench.url }]);
  return context.newPage();
}

// In-page scripts are strings: the bench runs through tsx, whose compiled functions would not survive serialization.
/** The last LCP entry's time, and what it painted (tag, test id, first words), so a slow figure says where to look. */
const lcpScript = `new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const last = list.getEntries().at(-1);
    const e = last && last.element;
    const element = e ? [e.tagName.toLowerCase(), e.closest('[data-testid]')?.getAttribute('data-testid') ?? '', (e.textContent ?? '').trim().slice(0, 40)].join(' ') : 'none';
    resolve({ lcpMs: last ? last.startTime : NaN, lcpElement: element });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
})`;

/** Clicks the focused "Edit roles" button and resolves when the dialog and its input are on screen. */
const openDialogScript = `new Promise((resolve) => {
  const t0 = performance.now();
  document.activeElement.click();
  (function poll() {
    const dialog = document.querySelector('[role="dialog"]');
    const input = dialog && dialog.querySelector('input');
    if (dialog && input && dialog.getBoundingClientRect().height > 0) resolve(performance.now() - t0);
    else requestAnimationFrame(poll);
  })();
})`;

/** Applies one filter of the audit page (a switch, or a segment by its label within the group named `group`) and
 * resolves when the change is on screen: the "Showing …" line has changed and the next frame has been produced. A filter
 * that changes nothing fails the bench instead of hanging it. */
const filterChangeScript = (label: string, group?: string) => `new Promise((resolve, reject) => {
  const showing = document.querySelector('[data-testid="audit-showing"]');
  const before = showing.textContent;
  const scope = ${JSON.stringify(group ?? null)} === null ? document : [...document.querySelectorAll('[aria-labelledby]')].find(
    (el) => document.getElementById(el.getAttribute('aria-labelledby'))?.textContent.trim() === ${JSON.stringify(group ?? null)});
  const input = scope && [...scope.querySelectorAll('input')].find((i) => i.labels && i.labels[0] && i.labels[0].textContent.trim() === ${JSON.stringify(label)});
  if (!input) return reject(new Error('no filter labelled ' + ${JSON.stringify(label)}));
  const t0 = performance.now();
  input.click();
  (function poll() {
    if (showing.textContent !== before) requestAnimationFrame(() => resolve(performance.now() - t0));
    else if (performance.now() - t0 > 10000) reject(new Error('the filter ' + ${JSON.stringify(label)} + ' changed nothing on screen'));
    else requestAnimationFrame(poll);
  })();
})`;

// "All" is in both the Kind and the Tier groups: a segment is named with its group.
const filterSteps: readonly (readonly [string, string?])[] = [['Only risky keys'], ['Grants access', 'Tier'], ['Only risky keys'], ['All', 'Tier']];

/** Loads a route, waits for `ready`, and reports LCP and the gzip size of the scripts its HTML loads. */
async function measureRoute(page: Page, url: string, ready: string) {
  const navigation = await page.goto(url, { waitUntil: 'load' });
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForTimeout(300);
  const { lcpMs, lcpElement } = (await page.evaluate(lcpScript)) as { lcpMs: number; lcpElement: string };
  // First-load JS is what the page's HTML asks for (modern browsers skip noModule polyfills); prefetches of linked routes come later and are not counted.
  const html = (await navigation?.text()) ?? '';
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
  const sources = [...new Set(tags.filter((attrs) => !/nomodule/i.test(attrs)).map((attrs) => /\ssrc="([^"]+)"/.exec(attrs)?.[1]).filter((src) => src !== undefined))];
  let jsBytes = 0;
  for (const src of sources) jsBytes += gzipSync(await (await page.request.get(new URL(src, url).toString())).body()).length;
  return { lcpMs, lcpElement, firstLoadJsKiB: jsBytes / 1024 };
}

export async function pages(bench: BenchConsole, auditBench: BenchConsole, cookie: string, auditCookie: string, groupId: string) {
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  try {
    const routes: Record<string, { lcpMs: number; lcpElement: string; firstLoadJsKiB: number }> = {};
    const visit = async (target: BenchConsole, session: string, route: string, ready: string, name = route.replace(groupId, '[groupId]')) => {
      const page = await openPage(browser, target, session);
      // The second view is the one people wait for every day; the first warms the server's caches, and is waited for so
      // that its requests do not compete with the measured view's.
      await page.goto(`${target.url}${route}`);
      await page.locator(ready).first().waitFor({ state: 'visible', timeout: 60_000 });
      routes[name] = await measureRoute(page, `${target.url}${route}`, ready);
      await page.context().close();
    };
    await visit(bench, cookie, '/signin', 'main');
    await visit(bench, cookie, '/projects', 'table tbody tr');
    await visit(bench, cookie, `/projects/${groupId}`, 'button:has-text("Edit roles")');
    await visit(auditBench, auditCookie, '/audit', '[data-testid="audit-matrix"]', '/audit, 500 × 200');
    // The list is on screen once the key counts have replaced their placeholders.
    await visit(auditBench, auditCookie, '/projects', 'table tbody tr td:nth-child(5) p', '/projects, 500 × 200');
    await visit(bench, cookie, '/activity', 'main h1');

    const audit = await openPage(browser, auditBench, auditCookie);
    await audit.goto(`${auditBench.url}/audit`);
    // The page arrives rendered; its filters work once React has taken it over, when the matrix draws its cells.
    await audit.locator('[data-testid="audit-cell"]').first().waitFor();
    const filterChanges: number[] = [];
    for (let i = 0; i < 3; i++) {
      for (const [label, group] of filterSteps) filterChanges.push((await audit.evaluate(filterChangeScript(label, group))) as number);
    }
    await audit.context().close();
    filterChanges.sort((a, b) => a - b);

    const page = await openPage(browser, bench, cookie);
    await page.goto(`${bench.url}/projects/${groupId}`);
    const button = page.getByRole('button', { name: 'Edit roles' }).first();
    await button.waitFor();
    const dialogs: number[] = [];
    for (let i = 0; i < 5; i++) {
      await button.focus();
      const ms = (await page.evaluate(openDialogScript)) as number;
      dialogs.push(ms);
      await page.keyboard.press('Escape');
      await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
    }
    dialogs.sort((a, b) => a - b);
    return {
      routes,
      editRolesDialogMs: dialogs[Math.floor(dialogs.length / 2)]!,
      auditFilterChangeMs: { median: filterChanges[Math.floor(filterChanges.length / 2)]!, max: filterChanges.at(-1)! },
    };
  } finally {
    await browser.close();
  }
}
