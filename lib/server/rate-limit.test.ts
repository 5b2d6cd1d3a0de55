import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows a burst up to the per-minute budget, then says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(limiter.take('b').ok).toBe(true);
    now = 20_000;
    expect(limiter.take('a').ok).toBe(true);
  });

  it('counts a step back of the clock as no time passed, not as tokens taken', () => {
    let now = 60_000;
    const limiter = new RateLimiter(3, () => now);
    expect(limiter.take('a').ok).toBe(true);
    now = 30_000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 20 });
  });
});
