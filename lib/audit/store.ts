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
   * recovery only settles records that are still pending. Throws when no record has this id.
   */
  recordOutcome(id: string, outcome: ChangeOutcome): Promise<void>;
  /** Newest first, with the number of records the filter matches regardless of paging. */
  list(filter: ChangeFilter): Promise<{ results: ChangeRecord[]; totalCount: number }>;
  /** Pending records, oldest first; with `olderThan`, only those created before it. */
  listPending(olderThan?: Date): Promise<ChangeRecord[]>;
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
