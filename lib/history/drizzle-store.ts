// The ChangeStore over a Drizzle PostgreSQL database: the same queries serve PGlite and node-postgres.
import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { changeFilter, changeIntent, changeOutcome, type ChangeRecord } from './change';
import { reviewSnapshot, type Review } from '@/lib/api/reviews';
import { listOutsideEvents, newestFirst, readMarks, saveOutsideEvents } from './outside-event-queries';
import { auditReviews, keyChanges, revokedSessions } from './schema';
import type { ChangeStore, SharedCoordination } from './store';

export function toRecord(row: typeof keyChanges.$inferSelect): ChangeRecord {
  return {
    ...row,
    origin: 'console',
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    eventType: null,
    remoteAddress: null,
  };
}

function toReview(row: { id: string; at: Date; reviewer: string; note: string | null }): Review {
  return { id: row.id, at: row.at.toISOString(), reviewer: row.reviewer, note: row.note };
}

const reviewColumns = { id: auditReviews.id, at: auditReviews.at, reviewer: auditReviews.reviewer, note: auditReviews.note };

/**
 * Settles a record unless it is settled already; answers whether it did.
 */
export async function writeOutcome(db: PgDatabase<PgQueryResultHKT>, id: string, outcome: z.output<typeof changeOutcome>): Promise<boolean> {
  const settledBy = outcome.settledBy ?? null;
  const fields =
    outcome.outcome === 'success'
      ? {
          apiKeyId: outcome.apiKeyId,
          publicKey: outcome.publicKey,
          clientId: outcome.clientId,
          secretId: outcome.secretId,
          rolesAfter: outcome.rolesAfter && [...outcome.rolesAfter],
          errorCode: null,
          detail: null,
        }
      : { errorCode: outcome.outcome === 'failure' ? outcome.errorCode : null, detail: outcome.detail };
  // Recovery settles only what nobody knows yet (pending, or unknown to the request); the request itself may correct
  // what recovery guessed.
  const settleable = settledBy
    ? or(eq(keyChanges.outcome, 'pending'), eq(keyChanges.outcome, 'unknown'))
    : or(eq(keyChanges.outcome, 'pending'), eq(keyChanges.settledBy, 'recovery'));
  const updated = await db
    .update(keyChanges)
    .set({ ...fields, outcome: outcome.outcome, settledBy, completedAt: sql`now()` })
    .where(and(eq(keyChanges.id, id), settleable))
    .returning({ id: keyChanges.id });
  return updated.length > 0;
}

/** Wraps a migrated database; `release` frees its connections and runs once however often `close` is called. */
export function createDrizzleStore(
  db: PgDatabase<PgQueryResultHKT>,
  release: () => Promise<void>,
  shared?: SharedCoordination,
): ChangeStore {
  let closing: Promise<void> | undefined;

  return {
    async recordIntent(input) {
      const intent = changeIntent.parse(input);
      const [row] = await db
        .insert(keyChanges)
        .values({
          actor: intent.actor,
          action: intent.action,
          groupId: intent.groupId,
          kind: intent.kind,
          apiKeyId: intent.apiKeyId ?? null,
          clientId: intent.clientId ?? null,
          secretId: intent.secretId ?? null,
          publicKey: intent.publicKey ?? null,
          keyDesc: intent.keyDesc ?? null,
          rolesBefore: [...intent.rolesBefore],
          rolesAfter: [...intent.rolesAfter],
        })
        .returning({ id: keyChanges.id });
      if (!row) throw new Error('The change history did not return the new record');
      return row.id;
    },

    async recordOutcome(id, input) {
      if (await writeOutcome(db, id, changeOutcome.parse(input))) return;
      const [existing] = await db.select({ id: keyChanges.id }).from(keyChanges).where(eq(keyChanges.id, id));
      if (!existing) throw new Error(`No change record has the id ${id}`);
    },

    async list(input) {
      const filter = changeFilter.parse(input);
      const where = and(
        filter.groupId === undefined ? undefined : eq(keyChanges.groupId, filter.groupId),
        filter.groupIds === undefined ? undefined : inArray(keyChanges.groupId, [...filter.groupIds]),
        filter.actor === undefined ? undefined : eq(keyChanges.actor, filter.actor),
        filter.action === undefined ? undefined : eq(keyChanges.action, filter.action),
        filter.outcome === undefined ? undefined : eq(keyChanges.outcome, filter.outcome),
        filter.from === undefined ? undefined : gte(keyChanges.createdAt, filter.from),
        filter.to === undefined ? undefined : lt(keyChanges.createdAt, filter.to),
      );
      const { rows, totalCount } = await newestFirst(db, keyChanges, where, filter);
      return { results: rows.map(toRecord), totalCount };
    },

    shared,

    async listPending(olderThan) {
      const rows = await db
        .select()
        .from(keyChanges)
        .where(and(eq(keyChanges.outcome, 'pending'), olderThan === undefined ? undefined : lt(keyChanges.createdAt, olderThan)))
        .orderBy(asc(keyChanges.createdAt), asc(keyChanges.id));
      return rows.map(toRecord);
    },

    async revokeSession(sessionId, expiresAt) {
      await db.insert(revokedSessions).values({ sessionId, expiresAt }).onConflictDoNothing();
      // Expired sessions need no record: their tokens are refused anyway.
      await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, sql`now()`));
    },

    async isSessionRevoked(sessionId) {
      const rows = await db.select({ id: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.sessionId, sessionId)).limit(1);
      return rows.length > 0;
    },

    async recordReview({ reviewer, note, snapshot }) {
      const [row] = await db
        .insert(auditReviews)
        .values({ reviewer, note: note ?? null, snapshot })
        .returning(reviewColumns);
      if (!row) throw new Error('The change history did not return the new review');
      return toReview(row);
    },

    async listReviews(limit) {
      const [rows, [total]] = await Promise.all([
        db.select(reviewColumns).from(auditReviews).orderBy(desc(auditReviews.at), desc(auditReviews.id)).limit(limit),
        db.select({ value: count() }).from(auditReviews),
      ]);
      return { results: rows.map(toReview), totalCount: total?.value ?? 0 };
    },

    async reviewSnapshot(id) {
      const [row] = await db.select({ snapshot: auditReviews.snapshot }).from(auditReviews).where(eq(auditReviews.id, id));
      return row ? reviewSnapshot.parse(row.snapshot) : undefined;
    },

    saveOutsideEvents: (scope, readTo, events) => saveOutsideEvents(db, scope, readTo, events),
    eventReadMarks: () => readMarks(db),
    listOutsideEvents: (filter) => listOutsideEvents(db, filter),

    async ping() {
      await db.execute(sql`select 1`);
    },

    close() {
      closing ??= release();
      return closing;
    },
  };
}
