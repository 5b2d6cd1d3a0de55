import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, parseServerEnv } from './schema';

const org = '5980cfc60b6d97029d82e32b';

describe('parseEnv', () => {
  it('accepts the embedded default (nothing set)', () => {
    const env = parseEnv({});
    expect(env.ATLAS_BASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('.data');
  });

  it('accepts a Digest credential', () => {
    const env = parseEnv({
      ATLAS_BASE_URL: 'https://cloud.mongodb.com/api/atlas/v2',
      ATLAS_ORG_ID: org,
      ATLAS_PUBLIC_KEY: 'abcdefgh',
      ATLAS_PRIVATE_KEY: 'secret-value-1234',
    });
    expect(env.ATLAS_PUBLIC_KEY).toBe('abcdefgh');
  });

  it.each([
    [{ ATLAS_BASE_URL: 'https://cloud.mongodb.com/api/atlas/v2', ATLAS_PUBLIC_KEY: 'a', ATLAS_PRIVATE_KEY: 'b' }, 'ATLAS_ORG_ID'],
    [{ ATLAS_BASE_URL: 'https://x/api/atlas/v2', ATLAS_ORG_ID: org, ATLAS_PUBLIC_KEY: 'a' }, 'ATLAS_PRIVATE_KEY'],
    [{ ATLAS_BASE_URL: 'ftp://x', ATLAS_ORG_ID: org }, 'ATLAS_BASE_URL'],
    [{ ATLAS_BASE_URL: 'https://cloud.mongodb.com', ATLAS_ORG_ID: org, ATLAS_PUBLIC_KEY: 'a', ATLAS_PRIVATE_KEY: 'b' }, 'ATLAS_BASE_URL'],
    [{ ATLAS_BASE_URL: 'https://x/api/atlas/v1.5', ATLAS_ORG_ID: org, ATLAS_PUBLIC_KEY: 'a', ATLAS_PRIVATE_KEY: 'b' }, 'ATLAS_BASE_URL'],
    [{ ATLAS_BASE_URL: 'https://x/api/atlas/v2/groups', ATLAS_ORG_ID: org, ATLAS_PUBLIC_KEY: 'a', ATLAS_PRIVATE_KEY: 'b' }, 'ATLAS_BASE_URL'],
    [{ ATLAS_BASE_URL: 'https://x/api/atlas/v2', ATLAS_ORG_ID: org, ATLAS_CLIENT_ID: 'a' }, 'ATLAS_CLIENT_SECRET'],
    [{ ATLAS_BASE_URL: 'https://x/api/atlas/v2', ATLAS_ORG_ID: org, ATLAS_PUBLIC_KEY: 'a', ATLAS_CLIENT_ID: 'b' }, 'ATLAS_CLIENT_ID'],
    [{ ATLAS_ORG_ID: 'nothex' }, 'ATLAS_ORG_ID'],
    [{ AUTH_OIDC_ISSUER: 'https://idp.example.com' }, 'AUTH_OIDC_ISSUER'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ATLAS_BASE_URL: 'https://x/api/public/v1.0', ATLAS_ORG_ID: org, ATLAS_PUBLIC_KEY: 'a', ATLAS_PRIVATE_KEY: 'b', ATLAS_PRODUCT: 'atlas' }, 'ATLAS_PRODUCT'],
    [{ ATLAS_BASE_URL: 'https://x/api/atlas/v2', ATLAS_ORG_ID: org, ATLAS_PUBLIC_KEY: 'a', ATLAS_PRIVATE_KEY: 'b', ATLAS_PRODUCT: 'cloud-manager' }, 'ATLAS_PRODUCT'],
  ])('stops with one line naming the variable (%#)', (env, variable) => {
    expect(() => parseEnv(env)).toThrow(ConfigError);
    expect(() => parseEnv(env)).toThrow(new RegExp(`^Configuration error: ${variable} `));
  });

  it('never prints a secret value', () => {
    const secret = 'TOP-SECRET-PRIVATE-KEY-VALUE';
    try {
      parseEnv({ ATLAS_BASE_URL: 'https://x/api/atlas/v2', ATLAS_ORG_ID: org, ATLAS_PRIVATE_KEY: secret, ATLAS_CLIENT_SECRET: secret });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
  });
});

describe('parseServerEnv', () => {
  const upstream = { ATLAS_BASE_URL: 'https://opsmgr.example.com/api/public/v1.0/', ATLAS_ORG_ID: org, ATLAS_CLIENT_ID: 'id', ATLAS_CLIENT_SECRET: 'secret' };
  const secret = { NEXTAUTH_SECRET: 'x'.repeat(32) };

  it('accepts what the launcher hands the server', () => {
    expect(parseServerEnv({ ...upstream, ...secret }).ATLAS_BASE_URL).toBe(upstream.ATLAS_BASE_URL);
  });

  it.each([
    [secret, /^Configuration error: ATLAS_BASE_URL is not set; run `npm start`/],
    [upstream, /^Configuration error: NEXTAUTH_SECRET is required/],
  ])('refuses a server started without the launcher, in one line (%#)', (env, line) => {
    expect(() => parseServerEnv(env)).toThrow(ConfigError);
    expect(() => parseServerEnv(env)).toThrow(line);
  });
});

describe('TRUSTED_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['true', true],
    ['1', true],
  ])('%j → %s', (value, expected) => {
    expect(parseEnv({ TRUSTED_PROXY: value }).TRUSTED_PROXY).toBe(expected);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => parseEnv({ TRUSTED_PROXY: 'yes' })).toThrow('Configuration error: TRUSTED_PROXY must be true or false');
  });
});
