// The per-person mutation limit: counted in this process on PGlite, in the shared PostgreSQL across instances.
import 'server-only';
import type { MutationQuota } from '@/lib/history/store';
import { getConfig } from '@/lib/config';
import { processSingleton } from '@/lib/process-singleton';
import { RateLimiter } from './rate-limit';
import { getChangeStore } from '@/lib/services';

export async function takeMutationToken(email: string): Promise<MutationQuota> {
  const perMinute = getConfig().MUTATIONS_PER_MINUTE;
  const { shared } = await getChangeStore();
  if (shared) return shared.takeMutationToken(email, perMinute);
  return processSingleton('rate-limit', () => new RateLimiter(perMinute)).take(email);
}
