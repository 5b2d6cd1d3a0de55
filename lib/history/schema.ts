// The change history's tables (changes, signed-off audit reviews, and the Admin API's key events made outside the console), as Drizzle declares them; drizzle-kit generates lib/history/migrations from it.
import 'server-only';
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { activityActions } from '@/lib/api/change-kinds';
import { changeActions, changeOutcomes, principalKinds, settledByValues } from './change';

const oneOf = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

export const keyChanges = pgTable(
  'key_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    actor: text('actor').notNull(),
    action: text('action', { enum: changeActions }).notNull(),
    groupId: text('group_id').notNull(),
    /** key or serviceAccount: what the change is about. */
    kind: text('kind', { enum: principalKinds }).notNull().default('key'),
    apiKeyId: text('api_key_id'),
    clientId: text('client_id'),
    /** A secret's id, never its value. */
    secretId: text('secret_id'),
    publicKey: text('public_key'),
    keyDesc: text('key_desc'),
    rolesBefore: text('roles_before').array().notNull(),
    rolesAfter: text('roles_after').array().notNull(),
    outcome: text('outcome', { enum: changeOutcomes }).notNull().default('pending'),
    errorCode: text('error_code'),
    detail: text('detail'),
    settledBy: text('settled_by', { enum: settledByValues }),
  },
  (t) => [
    index('key_changes_created_at_idx').on(t.createdAt.desc(), t.id.desc()),
    index('key_changes_group_id_idx').on(t.groupId, t.createdAt.desc()),
    index('key_changes_actor_idx').on(t.actor, t.createdAt.desc()),
    index('key_changes_pending_idx').on(t.createdAt).where(sql`${t.outcome} = 'pending'`),
    check('key_changes_action_check', sql`${t.action} in (${oneOf(changeActions)})`),
    check('key_changes_kind_check', sql`${t.kind} in (${oneOf(principalKinds)})`),
    check('key_changes_outcome_check', sql`${t.outcome} in (${oneOf(changeOutcomes)})`),
    check('key_changes_settled_by_check', sql`${t.settledBy} is null or ${t.settledBy} in (${oneOf(settledByValues)})`),
  ],
);

/** Sessions signed out before their token expired; a row can go once `expires_at` has passed. */
export const revokedSessions = pgTable(
  'revoked_sessions',
  {
    sessionId: text('session_id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('revoked_sessions_expires_at_idx').on(t.expiresAt)],
);

/** Each person's mutation token bucket, shared by the console instances on one PostgreSQL (unused on PGlite). */
export const mutationBuckets = pgTable('mutation_buckets', {
  actor: text('actor').primaryKey(),
  tokens: doublePrecision('tokens').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A signed-off audit: who reviewed, when, and the key × project × role matrix they saw (see lib/api/reviews.ts). */
export const auditReviews = pgTable(
  'audit_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    reviewer: text('reviewer').notNull(),
    note: text('note'),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [index('audit_reviews_at_idx').on(t.at.desc())],
);

/** Key events the console did not cause, read from the Admin API; the upstream id keeps two instances from storing one twice. */
export const outsideEvents = pgTable(
  'outside_events',
  {
    id: text('id').primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    action: text('action', { enum: activityActions }).notNull(),
    eventType: text('event_type').notNull(),
    groupId: text('group_id'),
    kind: text('kind', { enum: principalKinds }).notNull().default('key'),
    publicKey: text('public_key'),
    clientId: text('client_id'),
    remoteAddress: text('remote_address'),
  },
  (t) => [
    index('outside_events_created_at_idx').on(t.createdAt.desc(), t.id.desc()),
    index('outside_events_group_id_idx').on(t.groupId, t.createdAt.desc()),
    check('outside_events_action_check', sql`${t.action} in (${oneOf(activityActions)})`),
  ],
);

/**
 * Per scope (`org`, or a project id): up to when its events have been read, where the next read starts. A time
 * rather than the newest event seen, so a scope with no events is not read from the beginning again.
 */
export const eventReadMarks = pgTable('event_read_marks', {
  scope: text('scope').primaryKey(),
  readTo: timestamp('read_to', { withTimezone: true }).notNull(),
});
