// The security headers that never change, in JavaScript because next.config.mjs reads them (it says why it is not
// TypeScript); lib/security-headers.ts builds the pages' headers on them.

/** @type {Readonly<Record<string, string>>} */
export const hardening = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** @type {Readonly<Record<string, string>>} */
export const hsts = { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' };

/**
 * API answers are data, never rendered: a policy that allows nothing, so no nonce is needed and the headers are static
 * (set by next.config without running the proxy, which cost ~0.8 ms of CPU per request).
 * @type {Readonly<Record<string, string>>}
 */
export const apiSecurityHeaders = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  ...hardening,
};
