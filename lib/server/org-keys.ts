// The organization's keys as one person may see them: roles in projects they cannot see are left out, and the
// console's own key is not offered (assigning it to a project would only widen what the console can already do).
import 'server-only';
import type { ApiKeyList } from '@/lib/api/schemas';
import { listVisibleProjects, resolveOrgRoles } from '@/lib/auth/access';
import { getConfig } from '@/lib/config';
import type { Person } from '@/lib/auth/session';
import { ApiError } from './api-error';
import { getAtlas } from './services';

export async function listOrgKeysFor(person: Person, orgId: string): Promise<ApiKeyList> {
  const atlas = getAtlas();
  const orgRoles = orgId === atlas.orgId ? await resolveOrgRoles(person.email) : [];
  if (orgRoles.length === 0) throw new ApiError(404, 'ORG_NOT_FOUND', `No organization with ID ${orgId} exists or is visible to you.`);
  const [keys, visible] = await Promise.all([atlas.listOrgKeys(), listVisibleProjects(person.email)]);
  const projectIds = new Set(visible.results.map((p) => p.id));
  const ownKey = getConfig().ATLAS_PUBLIC_KEY;
  const results = keys.results
    .filter((key) => key.publicKey !== ownKey)
    .map((key) => ({
      ...key,
      roles: key.roles.filter((r) => (r.groupId ? projectIds.has(r.groupId) : true)),
    }));
  return { results, totalCount: results.length };
}
