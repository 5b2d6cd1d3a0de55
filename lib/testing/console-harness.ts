// Runs the console's route handlers in-process against a real emulator over HTTP, with real session cookies.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { forgetCachedAccess } from '@/lib/server/access';
import { getChangeStore } from '@/lib/services';
import type { Seed } from '@/lib/emulator/seed';
import { startEmulator, type RunningEmulator } from '@/lib/emulator/server';
import { emulatorControls, type EmulatorControls } from '@/lib/emulator/testing/control-client';
import { forgetLastSync } from '@/lib/server/outside-events';

const secret = 'test-secret-that-is-long-enough-for-next-auth-0123456789';

type Handler = (req: NextRequest, segment: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;
type RouteModule = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Handler>>;

/** The console's API routes by pattern; a segment in braces is a path parameter. */
const routes: [string, () => Promise<RouteModule>][] = [
  ['/api/groups', () => import('@/app/api/groups/route')],
  ['/api/groups/{groupId}/apiKeys', () => import('@/app/api/groups/[groupId]/apiKeys/route')],
  ['/api/groups/{groupId}/apiKeys/{apiKeyId}', () => import('@/app/api/groups/[groupId]/apiKeys/[apiKeyId]/route')],
  ['/api/groups/{groupId}/keyUsage', () => import('@/app/api/groups/[groupId]/keyUsage/route')],
  ['/api/orgs/{orgId}/apiKeys', () => import('@/app/api/orgs/[orgId]/apiKeys/route')],
  ['/api/groups/{groupId}/serviceAccounts', () => import('@/app/api/groups/[groupId]/serviceAccounts/route')],
  ['/api/groups/{groupId}/serviceAccounts/{clientId}', () => import('@/app/api/groups/[groupId]/serviceAccounts/[clientId]/route')],
  ['/api/groups/{groupId}/serviceAccounts/{clientId}/invite', () => import('@/app/api/groups/[groupId]/serviceAccounts/[clientId]/invite/route')],
  ['/api/groups/{groupId}/serviceAccounts/{clientId}/secrets', () => import('@/app/api/groups/[groupId]/serviceAccounts/[clientId]/secrets/route')],
  [
    '/api/groups/{groupId}/serviceAccounts/{clientId}/secrets/{secretId}',
    () => import('@/app/api/groups/[groupId]/serviceAccounts/[clientId]/secrets/[secretId]/route'),
  ],
  ['/api/orgs/{orgId}/serviceAccounts', () => import('@/app/api/orgs/[orgId]/serviceAccounts/route')],
  ['/api/audit', () => import('@/app/api/audit/route')],
  ['/api/audit/reviews', () => import('@/app/api/audit/reviews/route')],
  ['/api/activity', () => import('@/app/api/activity/route')],
  ['/api/health', () => import('@/app/api/health/route')],
];

function match(pathname: string): { load: () => Promise<RouteModule>; params: Record<string, string> } {
  const parts = pathname.split('/');
  for (const [pattern, load] of routes) {
    const expected = pattern.split('/');
    if (expected.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = expected.every((segment, i) => {
      const actual = parts[i] ?? '';
      if (segment.startsWith('{')) {
        params[segment.slice(1, -1)] = decodeURIComponent(actual);
        return actual.length > 0;
      }
      return segment === actual;
    });
    if (ok) return { load, params };
  }
  return { load: () => import('@/app/api/[...path]/route'), params: { path: pathname } };
}

export interface Harness {
  emulator: RunningEmulator;
  seed: Seed;
  /**
   * One request as a browser on the console's own page sends it: Host, and for writes Origin and Sec-Fetch-Site,
   * unless `headers` sets either of the last two or `sameSite: false` leaves them out.
   */
  call(
    method: string,
    url: string,
    options?: { as?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; sameSite?: boolean },
  ): Promise<Response>;
  upstreamRequests: EmulatorControls['requests'];
  clearUpstreamRequests: EmulatorControls['clearRequests'];
  /** As in a freshly started console: the next request reads people, projects, the organization and its events upstream again. */
  forgetCaches(): void;
  close(): Promise<void>;
}

/** Configures this test process as a console pointed at a fresh emulator; call once per test file. */
export async function startHarness(
  seed: Seed,
  options: { latencyMs?: number; surface?: string; product?: 'cloud-manager' | 'ops-manager'; timeoutMs?: number; mutationsPerMinute?: number } = {},
): Promise<Harness> {
  const emulator = await startEmulator({ seed, port: 0, latencyMs: options.latencyMs });
  const controls = emulatorControls(emulator.url);
  const consoleKey = seed.apiKeys.find((k) => k.id === seed.consoleKey);
  if (!consoleKey) throw new Error('seed without console key');
  Object.assign(process.env, {
    ATLAS_BASE_URL: `${emulator.url}${options.surface ?? '/api/public/v1.0'}`,
    ...(options.product ? { ATLAS_PRODUCT: options.product } : {}),
    ATLAS_ORG_ID: consoleKey.orgId,
    ATLAS_PUBLIC_KEY: consoleKey.publicKey,
    ATLAS_PRIVATE_KEY: consoleKey.privateKey,
    ATLAS_TIMEOUT_MS: String(options.timeoutMs ?? 10_000),
    NEXTAUTH_SECRET: secret,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'console-harness-')),
    MUTATIONS_PER_MINUTE: String(options.mutationsPerMinute ?? 100_000),
  });
  // Every session is checked against the change history: open it here, not in a test's first (timed) request.
  await getChangeStore();

  const cookies = new Map<string, string>();
  const sessionCookie = async (email: string) => {
    const cached = cookies.get(email);
    if (cached) return cached;
    const token = await encode({ token: { email, name: email, sub: email, sid: randomUUID() }, secret });
    cookies.set(email, token);
    return token;
  };

  return {
    emulator,
    seed,
    async call(method, url, { as, body, rawBody, headers = {}, sameSite = true } = {}) {
      // Matched on the raw path: URL parsing would fold `..` segments before the console sees them.
      const [rawPath = ''] = url.split('?');
      const { load, params } = match(rawPath);
      const target = new URL(url, 'http://localhost:3000');
      const handler = (await load())[method as keyof RouteModule];
      if (!handler) return new Response(null, { status: 405 });
      const allHeaders: Record<string, string> = { host: target.host, ...headers };
      const write = method !== 'GET' && method !== 'HEAD';
      if (write && sameSite && !('origin' in headers) && !('sec-fetch-site' in headers)) {
        Object.assign(allHeaders, { origin: target.origin, 'sec-fetch-site': 'same-origin' });
      }
      if (as) allHeaders.cookie = `next-auth.session-token=${await sessionCookie(as)}`;
      const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
      if (payload !== undefined) allHeaders['content-type'] ??= 'application/json';
      const req = new NextRequest(target, { method, headers: allHeaders, body: payload });
      return handler(req, { params: Promise.resolve(params) });
    },
    upstreamRequests: controls.requests,
    clearUpstreamRequests: controls.clearRequests,
    forgetCaches() {
      forgetCachedAccess();
      forgetLastSync();
    },
    close: () => emulator.close(),
  };
}
