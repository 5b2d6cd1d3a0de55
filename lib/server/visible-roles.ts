// A key's roles as one person may see them: projects they have no role in are counted, never shown.
import 'server-only';
import type { ApiKey, ApiKeyList } from '@/lib/api/schemas';
import { listVisibleProjects } from './access';
import type { Person } from '@/lib/auth/session';

export type VisibleProjects = ReadonlySet<string>;

export async function visibleProjectsOf(person: Person): Promise<VisibleProjects> {
  return new Set((await listVisibleProjects(person.email)).results.map((p) => p.id));
}

/** The key itself when it shows nothing hidden. */
export function withVisibleRoles(key: ApiKey, visible: VisibleProjects): ApiKey {
  if (key.roles.every((r) => !r.groupId || visible.has(r.groupId))) return key;
  const hidden = new Set<string>();
  const roles = key.roles.filter((r) => {
    if (!r.groupId || visible.has(r.groupId)) return true;
    hidden.add(r.groupId);
    return false;
  });
  return hidden.size > 0 ? { ...key, roles, hiddenProjects: hidden.size } : { ...key, roles };
}

/** The list itself when no key hides anything (an Organization Owner's view, say): a shared answer stays shared. */
export function listWithVisibleRoles<L extends ApiKeyList>(list: L, visible: VisibleProjects): L | ApiKeyList {
  const results = list.results.map((key) => withVisibleRoles(key, visible));
  return results.every((key, i) => key === list.results[i]) ? list : { results, totalCount: list.totalCount };
}
