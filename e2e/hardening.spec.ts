// The second hardening round against the production build, where Next.js itself takes part: redirects after sign-in,
// sign-out, Host names, /api/ fallbacks, page statuses and static assets (issue 14).
import { expect, test } from '@playwright/test';
import { anonymousApi, demoProjects, signedInApi } from './support/api';
import { e2eConsole } from './support/servers';

const own = new URL(e2eConsole.url);

test('1. a callback URL that a browser would resolve to another origin is never followed', async () => {
  const api = await signedInApi('owner');
  for (const callbackUrl of ['//evil.example/x', '/\\evil.example', '/\t/evil.example', '\\\\evil.example', 'https://evil.example/', 'http://[']) {
    const answer = await api.get(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    expect([303, 307, 308], callbackUrl).toContain(answer.status());
    expect(new URL(answer.headers().location!, e2eConsole.url).origin, callbackUrl).toBe(own.origin);
  }
  const local = await api.get(`/signin?callbackUrl=${encodeURIComponent('/audit?q=x')}`, { maxRedirects: 0 });
  expect(new URL(local.headers().location!, e2eConsole.url).pathname).toBe('/audit');
  await api.dispose();

  // next-auth's own handling: an unparseable or foreign callback falls back to the console, never a 500.
  const anonymous = await anonymousApi();
  for (const callbackUrl of ['http://[', '//evil.example', '/\\evil.example']) {
    const answer = await anonymous.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    expect(answer.status(), callbackUrl).toBeLessThan(500);
    const cookie = answer.headers()['set-cookie'] ?? '';
    const stored = /next-auth\.callback-url=([^;]*)/.exec(cookie)?.[1];
    if (stored) expect(new URL(decodeURIComponent(stored)).origin, callbackUrl).toBe(own.origin);
  }
  await anonymous.dispose();
});

test('5. a write with neither Origin nor Sec-Fetch-Site is refused', async () => {
  const { p1 } = await demoProjects();
  const api = await signedInApi('owner');
  const bare = await api.post(`/api/groups/${p1.id}/apiKeys`, {
    headers: { Origin: '' },
    data: { desc: 'no origin', roles: ['GROUP_READ_ONLY'] },
  });
  expect(bare.status()).toBe(403);
  expect((await bare.json()) as unknown).toMatchObject({ errorCode: 'CROSS_SITE_REQUEST' });
  await api.dispose();
});

test('6. a DNS name rebound to the console gets neither a page, nor a sign-in, nor an API answer', async () => {
  const api = await anonymousApi();
  for (const path of ['/signin', '/api/auth/csrf', '/api/auth/providers', '/api/groups']) {
    const answer = await api.get(path, { headers: { Host: `evil.example:${own.port}` }, maxRedirects: 0 });
    expect(answer.status(), path).toBe(421);
  }
  const signIn = await api.post('/api/auth/callback/demo', {
    headers: { Host: `evil.example:${own.port}` },
    form: { email: 'orgowner@demo.test', csrfToken: 'x', json: 'true' },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(421);
  expect(signIn.headers()['set-cookie'] ?? '').not.toContain('session-token');
  // Loopback names and addresses remain the embedded console's own.
  for (const host of [`localhost:${own.port}`, `127.0.0.1:${own.port}`]) {
    expect((await api.get('/signin', { headers: { Host: host } })).status(), host).toBe(200);
  }
  await api.dispose();
});

test('10. unknown paths and wrong methods under /api/ answer JSON', async () => {
  const api = await signedInApi('owner');
  const missing = await api.get('/api/nothing-here');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['cache-control']).toBe('no-store');
  expect(await missing.json()).toMatchObject({ error: 404, errorCode: 'NOT_FOUND' });
  const wrong = await api.put('/api/groups', { data: {} });
  expect(wrong.status()).toBe(405);
  expect(wrong.headers().allow).toBe('GET, HEAD, OPTIONS');
  expect(await wrong.json()).toMatchObject({ error: 405, errorCode: 'METHOD_NOT_ALLOWED' });
  await api.dispose();
});

// Next.js answered these with a bare 500 of its own ("Internal Server Error", text/plain), before any route ran.
test('10b. a percent escape that does not decode is a 400: in words for a page, in the error shape under /api/', async () => {
  const api = await signedInApi('owner');
  const { p1 } = await demoProjects();
  for (const bad of ['%E0%A4%A', '%ZZ', '%C0%AF', '%']) {
    const page = await api.get(`/projects/${bad}`, { maxRedirects: 0 });
    expect(page.status(), bad).toBe(400);
    expect(page.headers()['content-type']).toMatch(/^text\/plain/);
    expect(await page.text()).toContain('percent sign');
    for (const path of [`/api/groups/${bad}/apiKeys`, `/api/groups/${p1.id}/apiKeys/${bad}`, `/api/orgs/${bad}/apiKeys`]) {
      const answer = await api.get(path);
      expect(answer.status(), path).toBe(400);
      expect(answer.headers()['cache-control']).toBe('no-store');
      expect(await answer.json()).toMatchObject({ error: 400, errorCode: 'PATH_PARAM_PARSE_ERROR', reason: 'Bad Request' });
    }
  }
  // An escape that decodes still reaches its route: `%61` is `a`, and a 2-digit id is refused by the route itself.
  const decoded = await api.get(`/api/groups/%61%61/apiKeys`);
  expect(decoded.status()).toBe(400);
  expect(await decoded.json()).toMatchObject({ errorCode: 'PATH_PARAM_PARSE_ERROR', detail: expect.stringContaining('groupId') });
  expect((await api.get(`/projects/${p1.id}`)).status()).toBe(200);
  await api.dispose();
});

test('11. after sign-out, a copy of the session cookie no longer works', async () => {
  const api = await signedInApi('owner');
  const cookie = (await api.storageState()).cookies.find((c) => c.name === 'next-auth.session-token')!;
  const copy = `${cookie.name}=${cookie.value}`;
  const anonymous = await anonymousApi();
  expect((await anonymous.get('/api/groups', { headers: { Cookie: copy } })).status()).toBe(200);

  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  expect((await api.post('/api/auth/signout', { form: { csrfToken, json: 'true' }, maxRedirects: 0 })).status()).toBeLessThan(400);

  expect((await anonymous.get('/api/groups', { headers: { Cookie: copy } })).status()).toBe(401);
  const page = await anonymous.get('/projects', { headers: { Cookie: copy }, maxRedirects: 0 });
  expect(page.headers().location ?? '').toContain('/signin');
  await anonymous.dispose();
  await api.dispose();
});

test('12. static assets carry nosniff', async ({ page }) => {
  const assets: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/_next/static/')) assets.push(response.url());
  });
  await page.goto('/signin');
  await expect(page.getByRole('button', { name: 'Sign in as owner@demo.test' })).toBeVisible();
  expect(assets.length).toBeGreaterThan(0);
  const api = await anonymousApi();
  for (const url of assets.slice(0, 5)) expect((await api.get(url)).headers()['x-content-type-options'], url).toBe('nosniff');
  await api.dispose();
});
