// The change history's one interface, the same over embedded PGlite and a shared PostgreSQL.
import 'server-only';
import type { ChangeFilter, ChangeIntent, ChangeOutcome, ChangeRecord } from './change';

export type { ChangeFilter, ChangeIntent, ChangeOutcome, ChangeRecord } from './change';

export interface ChangeStore {
  /** Writes a pending record before the upstream call; resolves to its id. */
  recordIntent(intent: ChangeIntent): Promise<string>;
  /**
   * Settles a record. A request's own outcome may overwrite what recovery decided while it was still running;
   * recovery only settles records that are still pending or unknown. Throws when no record has this id.
   */
  recordOutcome(id: string, outcome: ChangeOutcome): Promise<void>;
  /** Newest first, with the number of records the filter matches regardless of paging. */
  list(filter: ChangeFilter): Promise<{ results: ChangeRecord[]; totalCount: number }>;
  /** Pending records, oldest first; with `olderThan`, only those created before it. */
  listPending(olderThan?: Date): Promise<ChangeRecord[]>;
  /** Records that a session was signed out; kept until its token would have expired anyway. */
  revokeSession(sessionId: string, expiresAt: Date): Promise<void>;
  /** Whether a session was signed out, on this instance or any other sharing the database. */
  isSessionRevoked(sessionId: string): Promise<boolean>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
