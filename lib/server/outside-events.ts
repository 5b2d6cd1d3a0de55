// The Admin API's key and service account events that the console did not cause, read incrementally into the change history.
import 'server-only';
import type { ActivityAction } from '@/lib/api/change-kinds';
import type { AtlasClient, AtlasEvent } from '@/lib/atlas/client';
import type { ChangeStore, OutsideEvent } from '@/lib/history/store';
import { mapConcurrently } from '@/lib/map-concurrently';
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

export function toOutsideEvent(event: AtlasEvent): OutsideEvent {
  return {
    id: event.id,
    createdAt: new Date(event.created),
    actor: event.username ?? event.publicKey ?? event.userId ?? event.apiKeyId ?? 'unknown',
    action: actionOf[event.eventTypeName] ?? 'update_roles',
    eventType: event.eventTypeName,
    groupId: event.groupId ?? null,
    kind: event.eventTypeName.startsWith('SERVICE_ACCOUNT_') ? 'serviceAccount' : 'key',
    publicKey: event.targetPublicKey ?? null,
    clientId: event.targetClientId ?? null,
    remoteAddress: event.remoteAddress ?? null,
  };
}

/** One read at a time per process; views while it runs wait for it. */
const sync = processSingleton<{ running: Promise<void> | undefined; lastSync: number }>('outside-events', () => ({ running: undefined, lastSync: 0 }));

/** Views within this window share one read per process, however many people look. */
export const syncIntervalMs = 5_000;
/** Project event reads in flight at once. */
const concurrency = 8;

/** Events may be listed a little after they happen: each read goes back this far, and events kept already are skipped. */
export const overlapMs = 60_000;

async function readScope(atlas: AtlasClient, store: ChangeStore, scope: string, readTo: Date | undefined, until: Date, console: ConsoleCredential) {
  const since = readTo && new Date(readTo.getTime() - overlapMs);
  const events = await atlas.listKeyEvents({ groupId: scope === 'org' ? undefined : scope, since, until });
  await store.saveOutsideEvents(scope, until, events.filter((event) => isOutside(event, console)).map(toOutsideEvent));
}

async function readAll(atlas: AtlasClient, store: ChangeStore, console: ConsoleCredential, now: number): Promise<void> {
  const marks = await store.eventReadMarks();
  const until = new Date(now);
  const projects = (await atlas.listProjects()).results.map((p) => p.id);
  const scopes = ['org', ...projects];
  await mapConcurrently(scopes, concurrency, (scope) => readScope(atlas, store, scope, marks.get(scope), until, console));
  sync.lastSync = now;
}

/**
 * Reads what happened since the last read, by this process or any other sharing the database: the organization's key
 * events and each project's, from where that scope was last read (the whole history only once per database, not per
 * start). Costs 1 + ⌈projects / 500⌉ + projects upstream calls and one database read, at most once per
 * `syncIntervalMs` per process; nothing when nobody looks.
 */
export function syncOutsideEvents(atlas: AtlasClient, store: ChangeStore, console: ConsoleCredential, now = Date.now()): Promise<void> {
  if (sync.running) return sync.running;
  if (now - sync.lastSync < syncIntervalMs) return Promise.resolve();
  sync.running = readAll(atlas, store, console, now).finally(() => {
    sync.running = undefined;
  });
  return sync.running;
}

/** As in a freshly started process: the next view reads again, from the database's marks. */
export function forgetLastSync(): void {
  sync.lastSync = 0;
}
