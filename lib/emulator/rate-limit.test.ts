// The per-credential token bucket: RATE_LIMITED on v1.0, RATE_LIMITED_TOKEN_BUCKET with Retry-After on v2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './server';
import { credentials, fixtureSeed, ids } from './testing/fixture-seed';
import { surfaceClient, testSurfaces, type ErrorJson } from './testing/surface-client';

describe.each(testSurfaces)('rate limiting on $name', (surface) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: fixtureSeed(), rateLimit: { capacity: 3, refillPerMinute: 1 } });
  });
  afterAll(() => emulator.close());

  it('answers 429 once a credential has used its bucket, without touching other credentials', async () => {
    const api = surfaceClient(emulator.url, surface, credentials.console);
    const path = `/groups/${ids.p1}/apiKeys`;
    // The challenge round trip is not authenticated and costs no token.
    for (let i = 0; i < 3; i++) expect((await api('GET', path)).status).toBe(200);
    const limited = await api<ErrorJson>('GET', path);
    expect(limited.status).toBe(429);
    if (surface.versioned) {
      expect(limited.body.errorCode).toBe('RATE_LIMITED_TOKEN_BUCKET');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } else {
      expect(limited.body.errorCode).toBe('RATE_LIMITED');
    }
    const other = surfaceClient(emulator.url, surface, credentials.p1Reader);
    expect((await other('GET', path)).status).toBe(200);
  });
});
