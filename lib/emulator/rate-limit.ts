// A token bucket per calling credential: generous by default, tight when a test wants to see 429s.
export interface RateLimit {
  capacity: number;
  refillPerMinute: number;
}

/** Far above what tests or benchmarks send, so only an explicit `rateLimit` option is ever felt. */
export const generousRateLimit: RateLimit = { capacity: 100_000, refillPerMinute: 6_000_000 };

export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #limit: RateLimit;
  readonly #now: () => number;

  constructor(limit: RateLimit, now: () => number = Date.now) {
    this.#limit = limit;
    this.#now = now;
  }

  /** Takes one token for `credential`: 0 when granted, otherwise the whole seconds until one is back. */
  take(credential: string): number {
    const { capacity, refillPerMinute } = this.#limit;
    const now = this.#now();
    const bucket = this.#buckets.get(credential) ?? { tokens: capacity, at: now };
    const perMs = refillPerMinute / 60_000;
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.#buckets.set(credential, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return perMs > 0 ? Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) : 60;
  }

  clear(): void {
    this.#buckets.clear();
  }
}
