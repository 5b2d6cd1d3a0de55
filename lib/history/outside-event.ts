// The Admin API's key events made outside the console as the change history keeps them, and how they are queried.
import 'server-only';
import { z } from 'zod';
import { actorFilter } from '@/lib/api/activity';
import { activityActions, principalKinds } from '@/lib/api/change-kinds';
import { objectId } from '@/lib/api/object-id-schema';
import { timelinePage } from './change';

/** Free text from upstream, cut to what a timeline row holds. */
const upstreamText = (max: number) => z.string().min(1).transform((text) => text.slice(0, max));

/** One event as stored: the upstream's id, when it happened, who did it (username or public key) and to what. */
export const outsideEvent = z.object({
  id: objectId,
  createdAt: z.date(),
  actor: upstreamText(320),
  action: z.enum(activityActions),
  eventType: upstreamText(100),
  /** Null for an organization's event that names no project. */
  groupId: objectId.nullable(),
  /** What the event is about: a key (its public key) or a service account (its client id). */
  kind: z.enum(principalKinds).default('key'),
  publicKey: upstreamText(100).nullable(),
  clientId: upstreamText(100).nullable().default(null),
  remoteAddress: upstreamText(100).nullable(),
});
export type OutsideEvent = z.input<typeof outsideEvent>;

/** A page of stored events; every given criterion applies. */
export const outsideFilter = timelinePage.extend({
  /** Only these projects; absent, every project. */
  groupIds: z.array(objectId).max(10_000).readonly().optional(),
  /** Whether events that name no project (the organization's) are included. */
  withOrgEvents: z.boolean(),
  /** Compared case-insensitively. */
  actor: actorFilter.optional(),
  action: z.enum(activityActions).optional(),
});
export type OutsideFilter = z.input<typeof outsideFilter>;
