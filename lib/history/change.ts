// The change history's vocabulary as zod schemas: an intent, its outcome, a query, and the stored record.
import 'server-only';
import { z } from 'zod';
import { actorFilter, settledByValues } from '@/lib/api/activity';
import { changeActions, changeOutcomes, principalKinds } from '@/lib/api/change-kinds';
import { objectId } from '@/lib/api/object-id-schema';
import { clientId } from '@/lib/api/service-accounts';

// The stored record's shape is the browser's contract too, so it lives in lib/api.
export { consoleRecord as changeRecord, settledByValues, type ConsoleRecord as ChangeRecord } from '@/lib/api/activity';
export { changeActions, changeOutcomes, principalKinds, type ChangeAction, type ChangeOutcomeKind } from '@/lib/api/change-kinds';

/** Free text from upstream is kept, cut to a length a row and a table cell can hold. */
const clipped = (max: number) => z.string().transform((text) => (text.length > max ? `${text.slice(0, max - 1)}…` : text));

const email = z.string().trim().toLowerCase().min(1).max(320);
const roleNames = z.array(z.string().min(1).max(100)).max(100).readonly();
const settledBy = z.enum(settledByValues).optional();

/**
 * What a person is about to change, written before the upstream call. There is deliberately no field
 * for a private key or a secret's value, and unknown properties are dropped, so none can ever be stored.
 */
export const changeIntent = z.object({
  actor: email,
  action: z.enum(changeActions),
  groupId: objectId,
  kind: z.enum(principalKinds).default('key'),
  /** A service account's; unknown for its `create` until the upstream answers. */
  clientId: clientId.optional(),
  /** The secret a delete_secret removes; an add_secret's is learned from the answer. */
  secretId: objectId.optional(),
  /** A key's; unknown for `create` until the upstream answers. */
  apiKeyId: objectId.optional(),
  publicKey: z.string().min(1).max(100).optional(),
  keyDesc: clipped(250).optional(),
  /** The key's roles in this project before the change; empty for create and assign. */
  rolesBefore: roleNames,
  /** The roles asked for; empty for unassign. */
  rolesAfter: roleNames,
});
export type ChangeIntent = z.input<typeof changeIntent>;

/** How a change ended; `settledBy` is set when recovery, not the request, decided it. */
export const changeOutcome = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('success'),
    apiKeyId: objectId.optional(),
    publicKey: z.string().min(1).max(100).optional(),
    clientId: clientId.optional(),
    secretId: objectId.optional(),
    /** The roles the upstream reports after the change, when they differ from the request's. */
    rolesAfter: roleNames.optional(),
    settledBy,
  }),
  z.object({ outcome: z.literal('failure'), errorCode: clipped(100), detail: clipped(2000), settledBy }),
  z.object({ outcome: z.literal('unknown'), detail: clipped(2000), settledBy }),
]);
export type ChangeOutcome = z.input<typeof changeOutcome>;
export type SuccessDetails = Partial<Pick<Extract<ChangeOutcome, { outcome: 'success' }>, 'apiKeyId' | 'publicKey' | 'clientId' | 'secretId' | 'rolesAfter'>>;

/** How deep a timeline merged with outside events can be paged: the first this many entries. */
export const mergeDepth = 10_000;

/** The time window and page of every timeline query, newest first: `from` is inclusive, `to` exclusive. */
export const timelinePage = z.object({
  from: z.date().optional(),
  to: z.date().optional(),
  limit: z.number().int().min(1).max(mergeDepth).default(100),
  offset: z.number().int().min(0).default(0),
});

/** A page of the history; every given criterion applies. */
export const changeFilter = timelinePage.extend({
  groupId: objectId.optional(),
  /** Only these projects (the ones a person may see); an empty list matches nothing. */
  groupIds: z.array(objectId).max(10_000).readonly().optional(),
  actor: actorFilter.optional(),
  action: z.enum(changeActions).optional(),
  outcome: z.enum(changeOutcomes).optional(),
});
export type ChangeFilter = z.input<typeof changeFilter>;
