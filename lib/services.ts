// The process-wide upstream client and change-history store, made once from the configuration.
import 'server-only';
import { createAtlasClient, type AtlasClient } from '@/lib/atlas/client';
import { openChangeStore } from '@/lib/history/open-store';
import { settlePending } from '@/lib/history/recovery';
import type { ChangeStore } from '@/lib/history/store';
import { getConfig } from '@/lib/config';
import type { PrincipalKind } from '@/lib/api/change-kinds';
import { projectRolesOf } from '@/lib/api/role-assignments';
import { escapeForLog } from '@/lib/log-text';
import { processSingleton } from '@/lib/process-singleton';

interface Services {
  atlas?: AtlasClient;
  store?: Promise<ChangeStore>;
}

// One PGlite handle and one Digest nonce per process.
const services = processSingleton<Services>('services', () => ({}));

/**
 * On a shared PostgreSQL, another instance's intent is settled once no instance holds its key's lock and it is older
 * than three upstream timeouts (writes are never retried), so a write its dead sender left in flight has landed.
 * Looked for this often.
 */
const sharedSettleEveryMs = 10_000;

export function getAtlas(): AtlasClient {
  if (services.atlas) return services.atlas;
  const env = getConfig();
  services.atlas = createAtlasClient({
    baseUrl: env.ATLAS_BASE_URL,
    product: env.ATLAS_PRODUCT,
    orgId: env.ATLAS_ORG_ID,
    timeoutMs: env.ATLAS_TIMEOUT_MS,
    auth:
      env.ATLAS_CLIENT_ID && env.ATLAS_CLIENT_SECRET
        ? { kind: 'oauth', clientId: env.ATLAS_CLIENT_ID, clientSecret: env.ATLAS_CLIENT_SECRET }
        : { kind: 'digest', publicKey: env.ATLAS_PUBLIC_KEY ?? '', privateKey: env.ATLAS_PRIVATE_KEY ?? '' },
  });
  return services.atlas;
}

async function openStore(): Promise<ChangeStore> {
  const env = getConfig();
  const store = await openChangeStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const shared = Boolean(env.DATABASE_URL);
  const settle = () =>
    settlePending(store, readCurrentRoles, {
      olderThan: shared ? new Date(Date.now() - 3 * env.ATLAS_TIMEOUT_MS) : undefined,
    }).catch((error: unknown) => console.warn(escapeForLog(`change history: settling pending records failed (${String(error)})`)));
  void settle();
  // On a shared database another instance may die at any time, leaving its intents for the others to settle.
  if (shared) setInterval(() => void settle(), sharedSettleEveryMs).unref();
  return store;
}

export function getChangeStore(): Promise<ChangeStore> {
  services.store ??= openStore().catch((error: unknown) => {
    services.store = undefined;
    throw error;
  });
  return services.store;
}

/** The key's or service account's current roles in the project, or null when it is not there. */
export async function readCurrentRoles(groupId: string, id: string, kind: PrincipalKind = 'key'): Promise<string[] | null> {
  const atlas = getAtlas();
  if (kind === 'serviceAccount') {
    const projects = await atlas.listServiceAccountProjects(id);
    const roles = projects.find((p) => p.groupId === groupId)?.roles ?? [];
    return roles.length > 0 ? [...roles].sort() : null;
  }
  const roles = projectRolesOf(await atlas.getOrgKey(id), groupId);
  return roles.length > 0 ? roles : null;
}
