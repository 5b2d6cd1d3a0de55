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

/** The projects a frozen (shared) list's keys have roles in, found once: such a list is the same object read after read. */
const projectsOfShared = new WeakMap<ApiKeyList, readonly string[]>();

function projectsIn(list: ApiKeyList): readonly string[] {
  const known = projectsOfShared.get(list);
  if (known) return known;
  const ids = new Set<string>();
  for (const key of list.results) for (const role of key.roles) if (role.groupId) ids.add(role.groupId);
  const found = [...ids];
  if (Object.isFrozen(list) && Object.isFrozen(list.results)) projectsOfShared.set(list, found);
  return found;
}

/** The list itself when no key hides anything (an Organization Owner's view, say): a shared answer stays shared. */
export function listWithVisibleRoles<L extends ApiKeyList>(list: L, visible: VisibleProjects): L | ApiKeyList {
  // Checked per project rather than per key and role: 300 keys cost a lookup in a WeakMap and a few in the set.
  if (projectsIn(list).every((id) => visible.has(id))) return list;
  const results = list.results.map((key) => withVisibleRoles(key, visible));
  return results.every((key, i) => key === list.results[i]) ? list : { results, totalCount: list.totalCount };
}
