import { describe, expect, it } from 'vitest';
import { hostPolicy, isAllowedHost } from './host-rules';

const allowed = (env: Parameters<typeof hostPolicy>[0], headers: Record<string, string>) =>
  isAllowedHost(new Headers(headers), 'http://localhost:3000/api/x', hostPolicy(env));

describe('isAllowedHost', () => {
  const embedded = { NEXTAUTH_URL: 'http://localhost:3000', ATLAS_BASE_URL: 'http://127.0.0.1:4100/api/public/v1.0' };
  const real = { NEXTAUTH_URL: 'https://keys.example.com', ATLAS_BASE_URL: 'https://cloud.mongodb.com/api/atlas/v2' };

  it.each([
    ['localhost:3000', true],
    ['127.0.0.1:3000', true],
    ['127.8.9.10', true],
    ['[::1]:3000', true],
    ['LOCALHOST:3000', true],
    ['evil.example:3000', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.nip.io', false],
    ['', false],
  ])('embedded mode, Host %j → %s', (host, expected) => {
    expect(allowed(embedded, host ? { host } : {})).toBe(expected);
  });

  it.each([
    ['keys.example.com', true],
    ['keys.example.com:443', false],
    ['localhost:3000', false],
    ['evil.example', false],
  ])('real mode, Host %j → %s', (host, expected) => {
    expect(allowed(real, { host })).toBe(expected);
  });

  it('trusts X-Forwarded-Host only behind a declared proxy', () => {
    const headers = { host: '10.0.0.5:3000', 'x-forwarded-host': 'keys.example.com', 'x-forwarded-proto': 'https' };
    expect(allowed(real, headers)).toBe(false);
    expect(allowed({ ...real, TRUSTED_PROXY: true }, headers)).toBe(true);
    expect(allowed({ ...real, TRUSTED_PROXY: true }, { ...headers, 'x-forwarded-host': 'evil.example' })).toBe(false);
  });

  it('answers any Host when no public URL is configured and the upstream is not local', () => {
    expect(allowed({ ATLAS_BASE_URL: real.ATLAS_BASE_URL }, { host: 'anything.example' })).toBe(true);
  });
});
