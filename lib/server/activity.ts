// The timeline as one person may see it: the console's change history and the Admin API's key events it did not cause, newest first.
import 'server-only';
import type { ActivityPage, ActivityQuery, ChangeRecord } from '@/lib/api/activity';
import { changeActions, type ChangeAction } from '@/lib/api/change-kinds';
import { listVisibleProjects, resolveOrgRoles } from './access';
import type { Person } from '@/lib/auth/session';
import { mergeDepth } from '@/lib/history/change';
import { getConfig } from '@/lib/config';
import { consoleError } from '@/lib/console-errors';
import { outsideEntries, syncOutsideEvents } from './outside-events';
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

function outsideMatching(query: ActivityQuery, groupIds: string[] | undefined, orgWide: boolean): ChangeRecord[] {
  const allowed = groupIds && new Set(groupIds);
  const from = query.from ? Date.parse(query.from) : undefined;
  const to = query.to ? Date.parse(query.to) : undefined;
  return outsideEntries().filter((entry) => {
    if (entry.groupId === null ? !orgWide : allowed && !allowed.has(entry.groupId)) return false;
    if (query.actor !== undefined && entry.actor.toLowerCase() !== query.actor) return false;
    if (query.action !== undefined && entry.action !== query.action) return false;
    if (query.outcome !== undefined && entry.outcome !== query.outcome) return false;
    const at = Date.parse(entry.createdAt);
    return (from === undefined || at >= from) && (to === undefined || at < to);
  });
}

export async function activityFor(person: Person, query: ActivityQuery): Promise<ActivityPage> {
  const { groupIds, orgWide } = await visibleGroups(person, query.groupId);
  const env = getConfig();
  const wantsOutside = query.origin !== 'console';
  if (wantsOutside) {
    // The timeline still shows the console's own records when the Admin API's events cannot be read.
    await syncOutsideEvents(getAtlas(), { publicKey: env.ATLAS_PUBLIC_KEY }).catch((error: unknown) =>
      console.warn(`activity: reading the Admin API's events failed (${error instanceof Error ? error.message : String(error)})`),
    );
  }
  const outside = wantsOutside ? outsideMatching(query, groupIds, orgWide) : [];
  const action = query.action;
  if (query.origin === 'outside' || !isConsoleAction(action)) {
    return { results: outside.slice(query.offset, query.offset + query.limit), totalCount: outside.length };
  }
  const store = await getChangeStore();
  const filter = {
    groupIds,
    actor: query.actor,
    action,
    outcome: query.outcome,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
  if (outside.length === 0) return store.list({ ...filter, limit: query.limit, offset: query.offset });
  // Both lists are newest first; the page is cut from their merge, so the store gives everything up to its end.
  const mine = await store.list({ ...filter, limit: Math.min(mergeDepth, query.offset + query.limit), offset: 0 });
  const merged = [...mine.results, ...outside].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  return { results: merged.slice(query.offset, query.offset + query.limit), totalCount: mine.totalCount + outside.length };
}
