import { describe, expect, it } from 'vitest';
import { apiSecurityHeaders, contentSecurityPolicy, securityHeaders } from './security-headers';

describe('security headers', () => {
  it('allows scripts only by nonce in production, never eval', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc', https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('sends HSTS only over HTTPS', () => {
    expect(securityHeaders({ nonce: 'n', https: false, dev: false })).not.toHaveProperty('Strict-Transport-Security');
    expect(securityHeaders({ nonce: 'n', https: true, dev: false })['Strict-Transport-Security']).toMatch(/max-age=\d+/);
  });

  it('lets the sign-in form reach the OpenID provider', () => {
    expect(contentSecurityPolicy({ nonce: 'n', https: true, dev: false, oidcOrigin: 'https://idp.example.com' })).toContain(
      "form-action 'self' https://idp.example.com",
    );
  });

  it('gives API answers a policy that allows nothing, with the same hardening as pages', () => {
    expect(apiSecurityHeaders['Content-Security-Policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    const page = securityHeaders({ nonce: 'n', https: false, dev: false });
    for (const name of ['Referrer-Policy', 'X-Content-Type-Options', 'X-Frame-Options', 'Permissions-Policy', 'Cross-Origin-Opener-Policy']) {
      expect(apiSecurityHeaders[name], name).toBe(page[name]);
    }
  });
});
