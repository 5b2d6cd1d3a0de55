// The Admin API's events for API keys: what the emulator records on every change, and how the events resources filter and show them.
import { z } from 'zod';
import { apiError } from './errors';
import type { Principal } from './permissions';
import type { SeedEvent } from './seed';

/**
 * Event type names, as the Admin API spells them, of the changes the emulator's resources can make. Group events
 * name a project; the others are the organization's.
 */
export const keyEventTypes = {
  created: 'API_KEY_CREATED',
  descriptionChanged: 'API_KEY_DESCRIPTION_CHANGED',
  addedToGroup: 'API_KEY_ADDED_TO_GROUP',
  removedFromGroup: 'API_KEY_REMOVED_FROM_GROUP',
  rolesChanged: 'API_KEY_ROLES_CHANGED',
} as const;

/**
 * Service account event type names, as mongodb/docs `source/includes/event-types.rst` lists them (the specification's
 * event type schemas are plain strings). Secrets are the account's, so their events are the organization's too.
 */
export const serviceAccountEventTypes = {
  created: 'SERVICE_ACCOUNT_CREATED',
  detailsChanged: 'SERVICE_ACCOUNT_DETAILS_CHANGED',
  addedToGroup: 'SERVICE_ACCOUNT_ADDED_TO_GROUP',
  removedFromGroup: 'SERVICE_ACCOUNT_REMOVED_FROM_GROUP',
  rolesChanged: 'SERVICE_ACCOUNT_ROLES_CHANGED',
  secretAdded: 'SERVICE_ACCOUNT_SECRET_ADDED',
  secretDeleted: 'SERVICE_ACCOUNT_SECRET_DELETED',
  accessListEntryAdded: 'SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_ADDED',
  accessListEntryDeleted: 'SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_DELETED',
} as const;

/**
 * The caller's address as the event views' `remoteAddress` pattern accepts it: IPv4, or IPv6 written out in full
 * (the pattern refuses `::` shorthand), so an IPv4-mapped address is given as IPv4.
 */
export function eventAddress(remote: string | undefined): string | undefined {
  if (!remote) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote);
  if (mapped) return mapped[1];
  if (/^\d+\.\d+\.\d+\.\d+$/.test(remote)) return remote;
  if (!remote.includes(':')) return undefined;
  const [head = '', tail = ''] = remote.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = remote.includes('::') ? (tail ? tail.split(':') : []) : [];
  const fill = remote.includes('::') ? Array<string>(8 - left.length - right.length).fill('0') : [];
  const groups = [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, ''));
  return groups.length === 8 ? groups.join(':') : undefined;
}

/** Who made a change, in the event's own fields: an API key by id and public key; a service account has neither. */
export function actorFields(principal: Principal, publicKeyOf: (apiKeyId: string) => string | undefined): Partial<SeedEvent> {
  if (principal.kind !== 'apiKey') return {};
  return { apiKeyId: principal.id, publicKey: publicKeyOf(principal.id) };
}

const date = (name: string) =>
  z.iso
    .datetime({ offset: true, message: `${name} must be an ISO 8601 date and time` })
    .transform((v) => Date.parse(v))
    .optional();

const eventQuery = z.object({
  eventType: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'eventType must be an event type name')),
  minDate: date('minDate'),
  maxDate: date('maxDate'),
  includeRaw: z.enum(['true', 'false']).optional(),
});

export interface EventFilter {
  eventTypes: ReadonlySet<string>;
  minDate?: number;
  maxDate?: number;
}

/** `eventType` may repeat; minDate and maxDate bound `created`, both inclusive. */
export function parseEventQuery(query: URLSearchParams): EventFilter {
  const parsed = eventQuery.safeParse({
    eventType: query.getAll('eventType'),
    minDate: query.get('minDate') ?? undefined,
    maxDate: query.get('maxDate') ?? undefined,
    includeRaw: query.get('includeRaw')?.toLowerCase() ?? undefined,
  });
  if (!parsed.success) throw apiError('VALIDATION_ERROR', parsed.error.issues[0]?.message ?? 'invalid event query');
  const { eventType, minDate, maxDate } = parsed.data;
  return { eventTypes: new Set(eventType), minDate, maxDate };
}

/** Newest first, as the upstream lists them. */
export function selectEvents(events: readonly SeedEvent[], where: (e: SeedEvent) => boolean, filter: EventFilter): SeedEvent[] {
  return events
    .filter((e) => {
      if (!where(e)) return false;
      if (filter.eventTypes.size > 0 && !filter.eventTypes.has(e.eventTypeName)) return false;
      const at = Date.parse(e.created);
      return (filter.minDate === undefined || at >= filter.minDate) && (filter.maxDate === undefined || at <= filter.maxDate);
    })
    .reverse();
}
