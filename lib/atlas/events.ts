// The Admin API's events about API keys, as the console reads them: the event type names it asks for and the fields it keeps.
import 'server-only';
import { z } from 'zod';
import { objectId } from '@/lib/api/object-id-schema';

/** Event type names as the Admin API spells them (checked against the Atlas event types enumeration of a public client). */
export const keyEventTypeNames = [
  'API_KEY_CREATED',
  'API_KEY_DELETED',
  'API_KEY_DESCRIPTION_CHANGED',
  'API_KEY_ACCESS_LIST_ENTRY_ADDED',
  'API_KEY_ACCESS_LIST_ENTRY_DELETED',
  'API_KEY_ADDED_TO_GROUP',
  'API_KEY_REMOVED_FROM_GROUP',
  'API_KEY_ROLES_CHANGED',
] as const;

/**
 * Service accounts' counterparts, as mongodb/docs `source/includes/event-types.rst` lists them. Asked for only where
 * service accounts exist: v2 refuses an unknown eventType value, which would fail the whole read.
 */
export const serviceAccountEventTypeNames = [
  'SERVICE_ACCOUNT_CREATED',
  'SERVICE_ACCOUNT_DELETED',
  'SERVICE_ACCOUNT_DETAILS_CHANGED',
  'SERVICE_ACCOUNT_ADDED_TO_GROUP',
  'SERVICE_ACCOUNT_REMOVED_FROM_GROUP',
  'SERVICE_ACCOUNT_ROLES_CHANGED',
  'SERVICE_ACCOUNT_SECRET_ADDED',
  'SERVICE_ACCOUNT_SECRET_DELETED',
  'SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_ADDED',
  'SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_DELETED',
] as const;

const text = z.string().min(1).optional();

/** The event view fields the console shows; the others (and `links`) are dropped. */
export const wireEvent = z.object({
  id: objectId,
  created: z.iso.datetime({ offset: true }),
  eventTypeName: z.string().min(1),
  orgId: objectId.optional(),
  groupId: objectId.optional(),
  apiKeyId: objectId.optional(),
  publicKey: text,
  userId: objectId.optional(),
  username: text,
  remoteAddress: text,
  targetPublicKey: text,
  /** The emulator's: the public specification names no event field for the service account an event is about. */
  targetClientId: text,
});
export type AtlasEvent = z.infer<typeof wireEvent>;

/** An access list entry: where a key may be used from and, when the upstream knows, when and where it last was. */
export const wireAccessListEntry = z
  .object({
    cidrBlock: z.string().min(1).optional(),
    ipAddress: z.string().min(1).optional(),
    count: z.number().int().nonnegative().optional(),
    lastUsed: z.iso.datetime({ offset: true }).optional(),
    lastUsedAddress: z.string().min(1).optional(),
  })
  // Entries have no id; the address is unique within a key's list.
  .transform((entry) => ({ ...entry, id: entry.cidrBlock ?? entry.ipAddress ?? '' }));
export type AccessListEntry = z.infer<typeof wireAccessListEntry>;

/** A service account's access list entry (ServiceAccountIPAccessListEntry): its fields are named apart from a key's. */
export const wireAccountAccessListEntry = z
  .object({
    cidrBlock: z.string().min(1).optional(),
    ipAddress: z.string().min(1).optional(),
    createdAt: z.iso.datetime({ offset: true }).optional(),
    requestCount: z.number().int().nonnegative().optional(),
    lastUsedAt: z.iso.datetime({ offset: true }).optional(),
    lastUsedAddress: z.string().min(1).optional(),
  })
  .transform((entry) => ({ ...entry, id: entry.cidrBlock ?? entry.ipAddress ?? '' }));
export type AccountAccessListEntry = z.infer<typeof wireAccountAccessListEntry>;
