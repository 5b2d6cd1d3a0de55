// When each API key was last used, from its access list: each key's list read at most once per window, however many people look.
import 'server-only';
import type { AtlasClient } from '@/lib/atlas/client';
import { TtlCache } from '@/lib/auth/ttl-cache';
import { mapConcurrently } from '@/lib/map-concurrently';
import { processSingleton } from '@/lib/process-singleton';

export interface KeyUsage {
  /** The latest `lastUsed` over the key's entries; absent when none records a use. */
  lastUsed?: string;
  lastUsedAddress?: string;
  /** 0: no access list, so the key is usable from anywhere and the upstream records no use of it. */
  accessListEntries: number;
}

/** Usage is a slow signal (days): an answer is reused this long, so a view costs no call per key when warm. */
export const usageWindowMs = 5 * 60_000;
/** Access list reads in flight at once. */
const concurrency = 8;

const cache = processSingleton('key-usage', () => new TtlCache<KeyUsage>(usageWindowMs, 20_000));

async function readUsage(atlas: AtlasClient, apiKeyId: string): Promise<KeyUsage> {
  const entries = await atlas.listAccessList(apiKeyId);
  let latest: { at: number; lastUsed: string; address?: string } | undefined;
  for (const entry of entries) {
    if (!entry.lastUsed) continue;
    const at = Date.parse(entry.lastUsed);
    if (!latest || at > latest.at) latest = { at, lastUsed: new Date(at).toISOString(), address: entry.lastUsedAddress };
  }
  return {
    accessListEntries: entries.length,
    ...(latest ? { lastUsed: latest.lastUsed, ...(latest.address ? { lastUsedAddress: latest.address } : {}) } : {}),
  };
}

/**
 * `read(id)` for each id, at most `concurrency` at a time, by id. One that fails is left out (shown as unknown) rather
 * than failing the audit, and the failures are logged in one line per audit (`what` names the lists): an id removed
 * while the audit ran would otherwise flood the log.
 */
export async function readEachOrUnknown<T>(ids: readonly string[], what: string, read: (id: string) => Promise<T>): Promise<Map<string, T>> {
  const results = new Map<string, T>();
  const unread: string[] = [];
  await mapConcurrently(ids, concurrency, async (id) => {
    try {
      results.set(id, await read(id));
    } catch (error) {
      unread.push(`${id} (${error instanceof Error ? error.message : String(error)})`);
    }
  });
  if (unread.length > 0) console.warn(`audit: ${unread.length} ${what} could not be read and show as unknown; the first: ${unread[0]}`);
  return results;
}

/**
 * Usage of each key, by id. Costs one access list call per key whose answer is older than `usageWindowMs`, at most
 * `concurrency` at a time; a key whose list cannot be read is unknown.
 */
export function keyUsage(atlas: AtlasClient, apiKeyIds: readonly string[]): Promise<Map<string, KeyUsage>> {
  return readEachOrUnknown(apiKeyIds, 'key access list(s)', (id) => cache.get(id, () => readUsage(atlas, id)));
}

/** As in a freshly started console. */
export function forgetKeyUsage(): void {
  cache.clear();
}
