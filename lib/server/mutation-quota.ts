// The per-person mutation limit: counted in this process on PGlite, in the shared PostgreSQL across instances.
import 'server-only';
import type { MutationQuota } from '@/lib/history/store';
import { getConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { TokenBuckets } from '@/lib/token-buckets';
import { getChangeStore } from '@/lib/services';

export async function takeMutationToken(email: string): Promise<MutationQuota> {
  const perMinute = getConfig().MUTATIONS_PER_MINUTE;
  const { shared } = await getChangeStore();
  if (shared) return shared.takeMutationToken(email, perMinute);
  const wait = processSingleton('rate-limit', () => new TokenBuckets({ capacity: perMinute, refillPerMinute: perMinute })).take(email);
  return wait === 0 ? { ok: true } : { ok: false, retryAfterSeconds: wait };
}
