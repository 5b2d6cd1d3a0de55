import { expect, test } from '@playwright/test';
import { demoProjects, signedInApi } from './support/api';

// Every page carries a nonce-based CSP without eval and the usual hardening headers; API answers a CSP that allows nothing.
test('pages and API answers carry the security headers', async ({ page }) => {
  const { p1 } = await demoProjects();
  const api = await signedInApi('owner');
  const pages = ['/signin', '/projects', `/projects/${p1.id}`, '/audit', '/activity'];
  const apis = ['/api/groups', '/api/health', `/api/groups/${p1.id}/apiKeys`, '/api/auth/session', '/api/nothing-here'];
  for (const path of [...pages, ...apis]) {
    const answer = await api.get(path);
    const headers = answer.headers();
    const csp = headers['content-security-policy'] ?? '';
    if (pages.includes(path)) expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    // API answers are data: a policy that allows nothing at all.
    else expect(csp, path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(csp, path).not.toContain('unsafe-eval');
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['x-powered-by'], path).toBeUndefined();
    // Served over plain HTTP here: no HSTS (it is sent when the request came over HTTPS).
    expect(headers['strict-transport-security'], path).toBeUndefined();
  }
  for (const path of ['/signin', '/api/groups']) {
    const behindTls = await api.get(path, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(behindTls.headers()['strict-transport-security'], path).toMatch(/max-age=\d+/);
  }
  await api.dispose();

  // The nonce changes per request and the page runs under the policy without violations.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const first = await page.goto('/signin');
  const second = await page.goto('/signin');
  expect(first?.headers()['content-security-policy']).not.toBe(second?.headers()['content-security-policy']);
  await expect(page.getByRole('button', { name: 'Sign in as owner@demo.test' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in as owner@demo.test' }).click();
  await page.waitForURL('**/projects');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});
