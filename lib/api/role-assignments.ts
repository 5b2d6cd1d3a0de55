// Reads one project's (or the organization's) role names out of a key's or person's full role list, and compares two
// sets of roles; shared by server and browser.
import type { RoleAssignment } from '@/lib/api/schemas';

export function projectRolesOf(holder: { roles: readonly RoleAssignment[] }, groupId: string): string[] {
  return holder.roles.filter((r) => r.groupId === groupId).map((r) => r.roleName).sort();
}

export function orgRolesOf(holder: { roles: readonly RoleAssignment[] }, orgId: string): string[] {
  return holder.roles.filter((r) => r.orgId === orgId).map((r) => r.roleName).sort();
}

export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort();
  return [...a].sort().every((role, i) => role === sortedB[i]);
}

/** Splits a change's roles into those kept, removed and added, the way the history and the edit preview show them. */
export interface RoleDiff {
  kept: string[];
  removed: string[];
  added: string[];
}

export function diffRoles(before: readonly string[], after: readonly string[]): RoleDiff {
  const was = new Set(before);
  const now = new Set(after);
  return {
    kept: [...was].filter((r) => now.has(r)),
    removed: [...was].filter((r) => !now.has(r)),
    added: [...now].filter((r) => !was.has(r)),
  };
}
