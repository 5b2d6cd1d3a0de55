// Runs before every page: a fresh CSP nonce for the page and its security headers. API answers get static ones
// (next.config.mjs); the proxy sees an API path only when it holds a percent sign, to refuse a malformed escape.
import { NextResponse, type NextRequest } from 'next/server';
import type { ApiErrorBody } from '@/lib/api/schemas';
import { hostPolicy, isAllowedHost } from '@/lib/host-rules';
import { securityHeaders } from '@/lib/security-headers';

// The environment as lib/config validates it at start-up; lib/config itself is server-only.
const policy = hostPolicy({
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || undefined,
  ATLAS_BASE_URL: process.env.ATLAS_BASE_URL || undefined,
  TRUSTED_PROXY: process.env.TRUSTED_PROXY === 'true' || process.env.TRUSTED_PROXY === '1',
});

const plainHeaders = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/** Whether every percent escape of the path decodes to UTF-8. Next.js answers one that does not with a bare 500 of its own. */
function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** 400 for a path that does not decode: in the API's error shape under /api/ (lib/console-errors' code), else in words. */
function malformedPath(api: boolean): NextResponse {
  if (!api) return new NextResponse('Bad Request: the address holds a percent sign that does not start a valid escape.', { status: 400, headers: plainHeaders });
  const body: ApiErrorBody = { error: 400, errorCode: 'PATH_PARAM_PARSE_ERROR', detail: 'Invalid path parameter: its percent-encoding is malformed.', reason: 'Bad Request' };
  return NextResponse.json(body, { status: 400, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });
}

export function proxy(request: NextRequest) {
  // DNS rebinding: a page of another name that resolves here gets nothing of the console.
  if (!isAllowedHost(request.headers, request.url, policy)) {
    return new NextResponse('This console does not answer for that host name.', { status: 421, headers: plainHeaders });
  }
  const api = request.nextUrl.pathname.startsWith('/api/');
  if (!decodes(request.nextUrl.pathname)) return malformedPath(api);
  if (api) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const issuer = process.env.AUTH_OIDC_ISSUER;
  const headers = securityHeaders({
    nonce,
    https,
    dev: process.env.NODE_ENV === 'development',
    oidcOrigin: issuer ? new URL(issuer).origin : undefined,
  });
  const forwarded = new Headers(request.headers);
  forwarded.set('x-nonce', nonce);
  // Next.js reads the policy from the request to put the nonce on its own scripts.
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '');
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico).*)' }, { source: '/api/(.*%.*)' }],
};
