// The change history as one person may see it: an Organization Owner sees all, others their projects only.
import 'server-only';
import type { ActivityPage, ActivityQuery } from '@/lib/api/activity';
import { listVisibleProjects, resolveOrgRoles } from '@/lib/auth/access';
import type { Person } from '@/lib/auth/session';
import { ApiError } from './api-error';
import { getChangeStore } from './services';

export async function activityFor(person: Person, query: ActivityQuery): Promise<ActivityPage> {
  const orgRoles = await resolveOrgRoles(person.email);
  let groupIds: string[] | undefined;
  if (!orgRoles.includes('ORG_OWNER')) {
    const visible = (await listVisibleProjects(person.email)).results.map((p) => p.id);
    if (query.groupId && !visible.includes(query.groupId)) {
      throw new ApiError(404, 'GROUP_NOT_FOUND', `No project with ID ${query.groupId} exists or is visible to you.`);
    }
    groupIds = query.groupId ? [query.groupId] : visible;
  } else if (query.groupId) {
    groupIds = [query.groupId];
  }
  const store = await getChangeStore();
  return store.list({
    groupIds,
    actor: query.actor,
    action: query.action,
    outcome: query.outcome,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    limit: query.limit,
    offset: query.offset,
  });
}
