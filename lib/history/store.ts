// The change history's one interface, the same over embedded PGlite and a shared PostgreSQL.
import 'server-only';
import type { Review, ReviewSnapshot } from '@/lib/api/reviews';
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
  /** Coordination across the instances sharing a PostgreSQL; absent on embedded PGlite, which one process owns. */
  readonly shared?: SharedCoordination;
  /** Stores a signed review with the matrix it signed. */
  recordReview(input: { reviewer: string; note?: string; snapshot: ReviewSnapshot }): Promise<Review>;
  /** Newest first. */
  listReviews(limit: number): Promise<{ results: Review[]; totalCount: number }>;
  /** The review's snapshot, or undefined when no review has this id. */
  reviewSnapshot(id: string): Promise<ReviewSnapshot | undefined>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type MutationQuota = { ok: true } | { ok: false; retryAfterSeconds: number };

/** What several console instances on one PostgreSQL agree on through the database. */
export interface SharedCoordination {
  /** Runs `task` while this instance holds the key's lock, which no other instance can take meanwhile. */
  withKeyLock<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Takes one token of the person's bucket of `perMinute`, counted across instances. */
  takeMutationToken(actor: string, perMinute: number): Promise<MutationQuota>;
  /**
   * Settles the pending records created before `olderThan` that no live instance is working on, each by exactly one
   * instance: a key's record only while its key lock is free (its instance holds it until the outcome is written).
   */
  settleAbandoned(olderThan: Date, decide: (record: ChangeRecord) => Promise<ChangeOutcome>): Promise<ChangeOutcome[]>;
}
