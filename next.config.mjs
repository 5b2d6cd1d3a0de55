// Next.js configuration. The environment is validated at start-up by lib/config (server side). JavaScript, not
// TypeScript: `next start` compiles a next.config.ts with SWC's native binary, which then stays resident in the console
// (22–53 MiB idle, ~60 MiB under the bench's load; BENCHMARKS.md, 2026-12-03).
import { apiSecurityHeaders, hsts } from './lib/static-headers.mjs';

/** @param {Readonly<Record<string, string>>} headers */
const asList = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'oidc-provider'],
  experimental: {
    optimizePackageImports: ['@mantine/core', '@mantine/hooks', '@tabler/icons-react'],
  },
  // Pages get theirs (with a fresh nonce) from proxy.ts; API answers need none, so they skip the proxy.
  async headers() {
    return [
      { source: '/api/:path*', headers: asList(apiSecurityHeaders) },
      { source: '/api/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: asList(hsts) },
      // Scripts, styles, fonts and images skip the proxy too; a browser must never guess another type for them.
      { source: '/_next/:path*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] },
      { source: '/favicon.ico', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] },
    ];
  },
};

export default nextConfig;
