// Runs before every page: a fresh CSP nonce for the page and its security headers. API answers get static ones (next.config.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { securityHeaders } from '@/lib/security-headers';

export function proxy(request: NextRequest) {
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
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico).*)' }],
};
