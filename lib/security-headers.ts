// The security headers of every answer: a nonce-based Content-Security-Policy and the usual hardening.
import { hardening, hsts } from './static-headers.mjs';

export { apiSecurityHeaders, hsts } from './static-headers.mjs';

export interface SecurityContext {
  nonce: string;
  https: boolean;
  dev: boolean;
  /** Where the OpenID Connect sign-in posts to, if configured (form-action must allow it). */
  oidcOrigin?: string;
}

export function contentSecurityPolicy({ nonce, https, dev, oidcOrigin }: SecurityContext): string {
  const directives = [
    "default-src 'self'",
    // React's development build needs eval; the production policy never allows it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Mantine sets inline style attributes, which nonces cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${oidcOrigin ? ` ${oidcOrigin}` : ''}`,
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

export function securityHeaders(context: SecurityContext): Record<string, string> {
  return { 'Content-Security-Policy': contentSecurityPolicy(context), ...hardening, ...(context.https ? hsts : {}) };
}
