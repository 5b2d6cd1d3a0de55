// The timeline as one person may see it: the console's change history and the Admin API's key events it did not cause, newest first.
import 'server-only';
import type { ActivityPage, ActivityQuery } from '@/lib/api/activity';
import { changeActions, type ChangeAction } from '@/lib/api/change-kinds';
import { listVisibleProjects, resolveOrgRoles } from './access';
import type { Person } from '@/lib/auth/session';
import { mergeDepth } from '@/lib/history/change';
import { getConfig } from '@/lib/config';
import { consoleError } from '@/lib/console-errors';
import { syncOutsideEvents } from './outside-events';
import { getAtlas, getChangeStore } from '@/lib/services';

const isConsoleAction = (action: string | undefined): action is ChangeAction | undefined =>
  action === undefined || (changeActions as readonly string[]).includes(action);

/** Who may see what: an Organization Owner everything, others their projects' entries only (no organization events). */
async function visibleGroups(person: Person, groupId: string | undefined): Promise<{ groupIds: string[] | undefined; orgWide: boolean }> {
  const orgRoles = await resolveOrgRoles(person.email);
  if (orgRoles.includes('ORG_OWNER')) return { groupIds: groupId ? [groupId] : undefined, orgWide: !groupId };
  const visible = (await listVisibleProjects(person.email)).results.map((p) => p.id);
  if (groupId && !visible.includes(groupId)) {
    throw consoleError('GROUP_NOT_FOUND', groupId);
  }
  return { groupIds: groupId ? [groupId] : visible, orgWide: false };
}

export async function activityFor(person: Person, query: ActivityQuery): Promise<ActivityPage> {
  const { groupIds, orgWide } = await visibleGroups(person, query.groupId);
  const env = getConfig();
  const store = await getChangeStore();
  const wantsOutside = query.origin !== 'console';
  if (wantsOutside) {
    // The timeline still shows what is kept when the Admin API's events cannot be read now.
    await syncOutsideEvents(getAtlas(), store, { publicKey: env.ATLAS_PUBLIC_KEY }).catch((error: unknown) =>
      console.warn(`activity: reading the Admin API's events failed (${error instanceof Error ? error.message : String(error)})`),
    );
  }
  const from = query.from ? new Date(query.from) : undefined;
  const to = query.to ? new Date(query.to) : undefined;
  // Both lists are newest first; a page is cut from their merge, so each gives everything up to the page's end.
  const depth = Math.min(mergeDepth, query.offset + query.limit);
  // Outside events all succeeded; their actors are the upstream's usernames and public keys.
  const outside =
    wantsOutside && (query.outcome === undefined || query.outcome === 'success')
      ? await store.listOutsideEvents({ groupIds, withOrgEvents: orgWide, actor: query.actor, action: query.action, from, to, limit: depth })
      : { results: [], totalCount: 0 };
  const action = query.action;
  if (query.origin === 'outside' || !isConsoleAction(action)) {
    return { results: outside.results.slice(query.offset, query.offset + query.limit), totalCount: outside.totalCount };
  }
  const filter = { groupIds, actor: query.actor, action, outcome: query.outcome, from, to };
  if (outside.totalCount === 0) return store.list({ ...filter, limit: query.limit, offset: query.offset });
  const mine = await store.list({ ...filter, limit: depth, offset: 0 });
  const merged = [...mine.results, ...outside.results].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  return { results: merged.slice(query.offset, query.offset + query.limit), totalCount: mine.totalCount + outside.totalCount };
}
