import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  it('grants up to the capacity, then says how long to wait, then refills; each key apart', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 2, refillPerMinute: 30 }, () => now);
    expect([buckets.take('a'), buckets.take('a')]).toEqual([0, 0]);
    expect(buckets.take('a')).toBe(2);
    expect(buckets.take('b')).toBe(0);
    now = 2000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(2);
  });

  it('counts a step back of the clock as no time passed, not as tokens taken', () => {
    let now = 60_000;
    const buckets = new TokenBuckets({ capacity: 3, refillPerMinute: 3 }, () => now);
    expect(buckets.take('a')).toBe(0);
    now = 30_000;
    expect([buckets.take('a'), buckets.take('a')]).toEqual([0, 0]);
    expect(buckets.take('a')).toBe(20);
  });

  it('without refill, asks for a minute', () => {
    const buckets = new TokenBuckets({ capacity: 1, refillPerMinute: 0 }, () => 0);
    expect([buckets.take('a'), buckets.take('a')]).toEqual([0, 60]);
  });
});
