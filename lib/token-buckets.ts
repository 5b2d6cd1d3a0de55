// Token buckets kept in this process, one per key: the console's mutation limit on a single instance (several instances
// share theirs in PostgreSQL, lib/history/shared-coordination.ts) and the emulator's limit per calling credential.
export interface BucketLimit {
  capacity: number;
  refillPerMinute: number;
}

export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #limit: BucketLimit;
  readonly #now: () => number;

  constructor(limit: BucketLimit, now: () => number = Date.now) {
    this.#limit = limit;
    this.#now = now;
  }

  /** Takes one token for `key`: 0 when granted, otherwise the whole seconds until one is back. */
  take(key: string): number {
    const { capacity, refillPerMinute } = this.#limit;
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, at: now };
    const perMs = refillPerMinute / 60_000;
    // The wall clock can step back; that is no time passed, not tokens taken.
    bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    this.#buckets.set(key, bucket);
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
