// How many entries each service account's access list holds, for the audit's "no access list" risk: each list read at
// most once per usage window (as keys' access lists are), through the organization, so accounts in no project too.
import 'server-only';
import type { AtlasClient } from '@/lib/atlas/client';
import { TtlCache } from '@/lib/auth/ttl-cache';
import { processSingleton } from '@/lib/process-singleton';
import { usageWindowMs } from './key-usage';

/** Access list reads in flight at once, as for keys. */
const concurrency = 8;

const cache = processSingleton('account-access-lists', () => new TtlCache<number>(usageWindowMs, 20_000));

/**
 * clientId → entries on its access list. Costs one call per account whose answer is older than `usageWindowMs`, at
 * most `concurrency` at a time. One whose list cannot be read is left out (unknown) rather than failing the audit.
 */
export async function accountAccessListSizes(atlas: AtlasClient, clientIds: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const unread: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < clientIds.length) {
      const clientId = clientIds[next++];
      if (clientId === undefined) return;
      try {
        sizes.set(clientId, await cache.get(clientId, async () => (await atlas.listServiceAccountAccessList(clientId)).length));
      } catch (error) {
        unread.push(`${clientId} (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, clientIds.length) }, worker));
  // One line per audit, as for keys' lists: an account removed while the audit ran would otherwise flood the log.
  if (unread.length > 0) console.warn(`audit: ${unread.length} service account access list(s) could not be read and show as unknown; the first: ${unread[0]}`);
  return sizes;
}

/** As in a freshly started console. */
export function forgetAccountAccessLists(): void {
  cache.clear();
}
