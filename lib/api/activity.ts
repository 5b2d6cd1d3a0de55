// The change history's contract: who changed which key's roles where through the console, and how it ended.
import { z } from 'zod';
import { changeActions, changeOutcomes } from './change-kinds';
import { objectId } from './object-id-schema';

/** Who settled a record other than the request that made it: only start-up recovery does. */
export const settledByValues = ['recovery'] as const;

export const activityQuery = z.strictObject({
  groupId: objectId.optional(),
  actor: z.string().trim().toLowerCase().max(320).optional(),
  action: z.enum(changeActions).optional(),
  outcome: z.enum(changeOutcomes).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ActivityQuery = z.infer<typeof activityQuery>;

/** One stored change as the browser receives it: dates are ISO strings, absent values null. */
export const changeRecord = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  actor: z.string(),
  action: z.enum(changeActions),
  groupId: z.string(),
  apiKeyId: z.string().nullable(),
  publicKey: z.string().nullable(),
  keyDesc: z.string().nullable(),
  rolesBefore: z.array(z.string()),
  rolesAfter: z.array(z.string()),
  outcome: z.enum(changeOutcomes),
  errorCode: z.string().nullable(),
  detail: z.string().nullable(),
  settledBy: z.enum(settledByValues).nullable(),
});
export type ChangeRecord = z.infer<typeof changeRecord>;

export const activityPage = z.object({ results: z.array(changeRecord), totalCount: z.number().int().nonnegative() });
export type ActivityPage = z.infer<typeof activityPage>;
