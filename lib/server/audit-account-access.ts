// How many entries each service account's access list holds, for the audit's "no access list" risk: each list read at
// most once per usage window (as keys' access lists are), through the organization, so accounts in no project too.
import 'server-only';
import type { AtlasClient } from '@/lib/atlas/client';
import { TtlCache } from '@/lib/auth/ttl-cache';
import { processSingleton } from '@/lib/process-singleton';
import { readEachOrUnknown, usageWindowMs } from './key-usage';

const cache = processSingleton('account-access-lists', () => new TtlCache<number>(usageWindowMs, 20_000));

/**
 * clientId → entries on its access list. Costs one call per account whose answer is older than `usageWindowMs`, at
 * most as many at a time as for keys. One whose list cannot be read is left out (unknown) rather than failing the audit.
 */
export function accountAccessListSizes(atlas: AtlasClient, clientIds: readonly string[]): Promise<Map<string, number>> {
  return readEachOrUnknown(clientIds, 'service account access list(s)', (clientId) =>
    cache.get(clientId, async () => (await atlas.listServiceAccountAccessList(clientId)).length),
  );
}

/** As in a freshly started console. */
export function forgetAccountAccessLists(): void {
  cache.clear();
}
