// The emulator's limit per calling credential: generous by default, tight when a test wants to see 429s.
import type { BucketLimit } from '@/lib/token-buckets';

export type RateLimit = BucketLimit;

/** Far above what tests or benchmarks send, so only an explicit `rateLimit` option is ever felt. */
export const generousRateLimit: RateLimit = { capacity: 100_000, refillPerMinute: 6_000_000 };
