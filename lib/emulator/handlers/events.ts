// The events resources of an organization and of a project: key and service account events recorded by the emulator, filtered and paged as upstream.
import { jsonAnswer } from '../answer';
import type { Handler, RequestContext } from '../context';
import { actorFields, parseEventQuery, selectEvents } from '../events';
import { orgFor, projectFor } from '../lookup';
import { page, parsePaging } from '../paging';
import type { SeedApiKey, SeedEvent, SeedServiceAccount } from '../seed';

const render = (event: SeedEvent, base: string) => {
  const owner = event.groupId ? `groups/${event.groupId}` : `orgs/${event.orgId}`;
  return { ...event, isGlobalAdmin: false, links: [{ href: `${base}/${owner}/events/${event.id}`, rel: 'self' }] };
};

/**
 * Records that the caller did `eventTypeName` to a key or a service account, named by its public key or client id; a
 * `groupId` makes it the project's event, else the organization's.
 */
export function recordEventAbout(context: RequestContext, eventTypeName: string, subject: SeedApiKey | SeedServiceAccount, groupId?: string): void {
  context.state.recordEvent({
    eventTypeName,
    orgId: subject.orgId,
    ...(groupId ? { groupId } : {}),
    ...actorFields(context.principal, (id) => context.state.key(id)?.publicKey),
    ...(context.remoteAddress ? { remoteAddress: context.remoteAddress } : {}),
    ...('clientId' in subject ? { targetClientId: subject.clientId } : { targetPublicKey: subject.publicKey }),
  });
}

/** GET /orgs/{orgId}/events — the organization's own events (Organization Member); project events are the project's. */
export const listOrgEvents: Handler = (context) => {
  const org = orgFor(context);
  const filter = parseEventQuery(context.url.searchParams);
  const paging = parsePaging(context.url.searchParams);
  const events = selectEvents(context.state.events, (e) => e.orgId === org.id && !e.groupId, filter);
  return jsonAnswer(200, page(events.map((e) => render(e, context.base)), paging, context.url), context.how);
};

/** GET /groups/{groupId}/events — any role in the project. */
export const listProjectEvents: Handler = (context) => {
  const project = projectFor(context, 'read');
  const filter = parseEventQuery(context.url.searchParams);
  const paging = parsePaging(context.url.searchParams);
  const events = selectEvents(context.state.events, (e) => e.groupId === project.id, filter);
  return jsonAnswer(200, page(events.map((e) => render(e, context.base)), paging, context.url), context.how);
};
