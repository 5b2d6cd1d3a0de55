// Settles the records a crash left pending between intent and outcome, by reading what the upstream now holds.
import 'server-only';
import type { PrincipalKind } from '@/lib/api/change-kinds';
import { sameRoles } from '@/lib/api/role-assignments';
import type { ChangeOutcome, ChangeRecord } from './change';
import type { ChangeStore } from './store';

/** The key's (or service account's) roles in the project now, or null when it is not there. */
export type ReadCurrentRoles = (groupId: string, id: string, kind: PrincipalKind) => Promise<string[] | null>;

export interface SettleOptions {
  /**
   * Only records created before this instant. Embedded PGlite belongs to one process, so every pending record
   * there was left by a dead one: omit it. A PostgreSQL shared by several instances also holds the pending
   * records of changes still in flight elsewhere: pass now minus a bound longer than any upstream write, since
   * an upstream may still apply a write its sender died waiting for; there a key's record is also left alone while
   * its key lock is held by a live instance.
   */
  olderThan?: Date;
}

/** Each pending record becomes success or failure when the key's current roles tell, else unknown with the reason. */
export async function settlePending(
  store: ChangeStore,
  readCurrentRoles: ReadCurrentRoles,
  { olderThan }: SettleOptions = {},
): Promise<{ settled: number; unknown: number }> {
  const outcomes = store.shared
    ? await store.shared.settleAbandoned(olderThan ?? new Date(), (record) => decide(record, readCurrentRoles))
    : await settleEach(store, readCurrentRoles, olderThan);
  const unknown = outcomes.filter((outcome) => outcome.outcome === 'unknown').length;
  return { settled: outcomes.length - unknown, unknown };
}

async function settleEach(store: ChangeStore, readCurrentRoles: ReadCurrentRoles, olderThan?: Date): Promise<ChangeOutcome[]> {
  const outcomes: ChangeOutcome[] = [];
  // One at a time: a start-up should not burst the upstream's rate limit.
  for (const record of await store.listPending(olderThan)) {
    const outcome = await decide(record, readCurrentRoles);
    await store.recordOutcome(record.id, { ...outcome, settledBy: 'recovery' });
    outcomes.push(outcome);
  }
  return outcomes;
}

/** The fields of a change that tell, from the key's current roles, whether it was applied. */
export type ChangeToSettle = Pick<ChangeRecord, 'action' | 'groupId' | 'kind' | 'apiKeyId' | 'clientId' | 'rolesBefore' | 'rolesAfter'>;

const stopped = 'The console stopped before the Admin API answered';

/** Success, not applied, or unknown with the reason; `cause` says why the outcome was not known, as a sentence start. */
export async function decide(record: ChangeToSettle, readCurrentRoles: ReadCurrentRoles, cause = stopped): Promise<ChangeOutcome> {
  if (record.action === 'add_secret' || record.action === 'delete_secret') {
    return { outcome: 'unknown', detail: `${cause}; roles do not tell whether a secret changed, so check the service account’s secrets.` };
  }
  const id = record.kind === 'serviceAccount' ? record.clientId : record.apiKeyId;
  const what = record.kind === 'serviceAccount' ? 'service account' : 'key';
  if (id === null) {
    return { outcome: 'unknown', detail: `${cause}, and the new ${what}’s id was never learned; check the project’s ${what}s for it.` };
  }
  let current: string[];
  try {
    current = (await readCurrentRoles(record.groupId, id, record.kind)) ?? [];
  } catch {
    return { outcome: 'unknown', detail: `${cause}, and the key’s current roles could not be read to tell whether the change was applied.` };
  }
  if (sameRoles(current, record.rolesAfter)) {
    return record.action === 'unassign' ? { outcome: 'success' } : { outcome: 'success', rolesAfter: current };
  }
  if (sameRoles(current, record.rolesBefore)) {
    return { outcome: 'failure', errorCode: 'NOT_APPLIED', detail: `${cause}; the key still has the roles it had before, so the change was not applied.` };
  }
  const now = current.length > 0 ? current.join(', ') : 'not assigned';
  return {
    outcome: 'unknown',
    detail: `${cause}; the key’s roles in this project are now ${now}, neither those before nor those requested, so another change followed.`,
  };
}
