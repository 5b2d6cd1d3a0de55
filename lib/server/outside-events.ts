// The Admin API's key and service account events that the console did not cause, read incrementally and kept in this process as timeline entries.
import 'server-only';
import type { ChangeRecord } from '@/lib/api/activity';
import type { ActivityAction } from '@/lib/api/change-kinds';
import type { AtlasClient, AtlasEvent } from '@/lib/atlas/client';
import { processSingleton } from '@/lib/process-singleton';

const actionOf: Record<string, ActivityAction> = {
  API_KEY_CREATED: 'create',
  API_KEY_ADDED_TO_GROUP: 'assign',
  API_KEY_ROLES_CHANGED: 'update_roles',
  API_KEY_REMOVED_FROM_GROUP: 'unassign',
  API_KEY_DELETED: 'delete',
  API_KEY_DESCRIPTION_CHANGED: 'change_description',
  API_KEY_ACCESS_LIST_ENTRY_ADDED: 'change_access_list',
  API_KEY_ACCESS_LIST_ENTRY_DELETED: 'change_access_list',
  SERVICE_ACCOUNT_CREATED: 'create',
  SERVICE_ACCOUNT_ADDED_TO_GROUP: 'assign',
  SERVICE_ACCOUNT_ROLES_CHANGED: 'update_roles',
  SERVICE_ACCOUNT_REMOVED_FROM_GROUP: 'unassign',
  SERVICE_ACCOUNT_DELETED: 'delete',
  SERVICE_ACCOUNT_DETAILS_CHANGED: 'change_description',
  SERVICE_ACCOUNT_SECRET_ADDED: 'add_secret',
  SERVICE_ACCOUNT_SECRET_DELETED: 'delete_secret',
  SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_ADDED: 'change_access_list',
  SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_DELETED: 'change_access_list',
};

/** The console's own credential, whose events are already in the change history under the person's name. */
export interface ConsoleCredential {
  publicKey?: string;
  apiKeyId?: string;
}

/** Events of the console's own credential are its records' echo; an event of another type is about neither keys nor service accounts. */
export function isOutside(event: AtlasEvent, console: ConsoleCredential): boolean {
  if (!(event.eventTypeName in actionOf)) return false;
  if (console.publicKey && event.publicKey === console.publicKey) return false;
  return !(console.apiKeyId && event.apiKeyId === console.apiKeyId);
}

export function toTimelineEntry(event: AtlasEvent): ChangeRecord {
  return {
    id: event.id,
    origin: 'outside',
    createdAt: new Date(event.created).toISOString(),
    completedAt: new Date(event.created).toISOString(),
    actor: event.username ?? event.publicKey ?? event.userId ?? event.apiKeyId ?? 'unknown',
    action: actionOf[event.eventTypeName] ?? 'update_roles',
    groupId: event.groupId ?? null,
    kind: event.eventTypeName.startsWith('SERVICE_ACCOUNT_') ? 'serviceAccount' : 'key',
    apiKeyId: null,
    publicKey: event.targetPublicKey ?? null,
    clientId: event.targetClientId ?? null,
    secretId: null,
    keyDesc: null,
    rolesBefore: [],
    rolesAfter: [],
    outcome: 'success',
    errorCode: null,
    detail: null,
    settledBy: null,
    eventType: event.eventTypeName,
    remoteAddress: event.remoteAddress ?? null,
  };
}

interface Cache {
  entries: Map<string, ChangeRecord>;
  /** Per scope (`org` or a project id): how far its events have been read, where the next read starts. */
  readTo: Map<string, Date>;
  lastSync: number;
  running: Promise<void> | undefined;
}

const cache = processSingleton<Cache>('outside-events', () => ({ entries: new Map(), readTo: new Map(), lastSync: 0, running: undefined }));

/** Views within this window share one read, however many people look. */
export const syncIntervalMs = 5_000;
/** Project event reads in flight at once. */
const concurrency = 8;

/** Events may be listed a little after they happen: each read goes back this far, and ids already kept are skipped. */
const overlapMs = 60_000;

async function readScope(atlas: AtlasClient, scope: string, until: Date, console: ConsoleCredential): Promise<void> {
  const readTo = cache.readTo.get(scope);
  const since = readTo && new Date(readTo.getTime() - overlapMs);
  const events = await atlas.listKeyEvents({ groupId: scope === 'org' ? undefined : scope, since, until });
  for (const event of events) if (isOutside(event, console)) cache.entries.set(event.id, toTimelineEntry(event));
  cache.readTo.set(scope, until);
}

/**
 * Reads what happened since the last read: the organization's key events and each project's, from where that
 * scope was last read (the whole history only on a process's first read). Costs 1 + ⌈projects / 500⌉
 * + projects calls per sync, at most one sync per `syncIntervalMs`; nothing when nobody looks.
 */
export function syncOutsideEvents(atlas: AtlasClient, console: ConsoleCredential, now = Date.now()): Promise<void> {
  if (cache.running) return cache.running;
  if (now - cache.lastSync < syncIntervalMs) return Promise.resolve();
  const until = new Date(now);
  cache.running = (async () => {
    const projects = (await atlas.listProjects()).results.map((p) => p.id);
    const scopes = ['org', ...projects];
    let next = 0;
    const worker = async () => {
      while (next < scopes.length) {
        const scope = scopes[next++] ?? 'org';
        await readScope(atlas, scope, until, console);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, scopes.length) }, worker));
    cache.lastSync = now;
  })().finally(() => {
    cache.running = undefined;
  });
  return cache.running;
}

/** Every outside entry kept, newest first. */
export function outsideEntries(): ChangeRecord[] {
  return [...cache.entries.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** For tests: forget what was read. */
export function forgetOutsideEvents(): void {
  cache.entries.clear();
  cache.readTo.clear();
  cache.lastSync = 0;
}
