// The organization's keys as one person may see them: roles in projects they cannot see are left out, and the
// console's own key is not offered (assigning it to a project would only widen what the console can already do).
import 'server-only';
import type { ApiKeyList } from '@/lib/api/schemas';
import { resolveOrgRoles } from './access';
import { getConfig } from '@/lib/config';
import type { Person } from '@/lib/auth/session';
import { consoleError } from '@/lib/console-errors';
import { getAtlas } from '@/lib/services';
import { listWithVisibleRoles, visibleProjectsOf } from './visible-roles';

export async function listOrgKeysFor(person: Person, orgId: string): Promise<ApiKeyList> {
  const atlas = getAtlas();
  const orgRoles = orgId === atlas.orgId ? await resolveOrgRoles(person.email) : [];
  if (orgRoles.length === 0) throw consoleError('ORG_NOT_FOUND', orgId);
  const [keys, visible] = await Promise.all([atlas.listOrgKeys(), visibleProjectsOf(person)]);
  const ownKey = getConfig().ATLAS_PUBLIC_KEY;
  const offered = keys.results.filter((key) => key.publicKey !== ownKey);
  return listWithVisibleRoles({ results: offered, totalCount: offered.length }, visible);
}
