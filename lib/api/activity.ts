// The change history's contract: who changed which key's roles where through the console, and how it ended.
import { z } from 'zod';
import { activityActions, activityOrigins, changeActions, changeOutcomes, principalKinds } from './change-kinds';
import { objectId } from './object-id-schema';

/** Who settled a record other than the request that made it: only start-up recovery does. */
export const settledByValues = ['recovery'] as const;

/** Whose changes: an email or an upstream actor, compared case-insensitively; blank is refused, not read as "anyone". */
export const actorFilter = z.string().trim().toLowerCase().min(1, 'must not be blank').max(320);

export const activityQuery = z.strictObject({
  groupId: objectId.optional(),
  actor: actorFilter.optional(),
  action: z.enum(activityActions).optional(),
  outcome: z.enum(changeOutcomes).optional(),
  origin: z.enum(activityOrigins).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ActivityQuery = z.infer<typeof activityQuery>;

/**
 * One entry of the timeline as the browser receives it: dates are ISO strings, absent values null. A console
 * record has a UUID and names the person; an outside one is an Admin API event (24-hex id) naming its actor as
 * the upstream does (username or public key), with `eventType` and `remoteAddress`, and no roles.
 */
export const changeRecord = z.object({
  id: z.union([z.uuid(), objectId]),
  origin: z.enum(activityOrigins),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  actor: z.string(),
  action: z.enum(activityActions),
  /** Null for an organization's event that names no project. */
  groupId: z.string().nullable(),
  kind: z.enum(principalKinds),
  apiKeyId: z.string().nullable(),
  /** A service account's client id (kind serviceAccount). */
  clientId: z.string().nullable(),
  /** The secret a secret change is about; never its value. */
  secretId: z.string().nullable(),
  publicKey: z.string().nullable(),
  keyDesc: z.string().nullable(),
  rolesBefore: z.array(z.string()),
  rolesAfter: z.array(z.string()),
  outcome: z.enum(changeOutcomes),
  errorCode: z.string().nullable(),
  detail: z.string().nullable(),
  settledBy: z.enum(settledByValues).nullable(),
  eventType: z.string().nullable(),
  remoteAddress: z.string().nullable(),
});
export type ChangeRecord = z.infer<typeof changeRecord>;

/** A record of the console's own change history: always a project, always one of the console's actions. */
export const consoleRecord = changeRecord.extend({
  id: z.uuid(),
  origin: z.literal('console'),
  action: z.enum(changeActions),
  groupId: z.string(),
  eventType: z.null(),
  remoteAddress: z.null(),
});
export type ConsoleRecord = z.infer<typeof consoleRecord>;

export const activityPage = z.object({ results: z.array(changeRecord), totalCount: z.number().int().nonnegative() });
export type ActivityPage = z.infer<typeof activityPage>;
