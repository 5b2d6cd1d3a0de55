// A person's effective roles in one project, as the Admin API decides them, and where each comes from.
import 'server-only';
import type { RoleSource } from '@/lib/api/schemas';
import { projectReachingOrgRoles } from './permissions';

export interface RoleGrants {
  /** The person's organization roles. */
  orgRoles: readonly string[];
  /** Roles granted to the person themselves in the project. */
  ownRoles: readonly string[];
  /** The teams the person belongs to. */
  teamIds: readonly string[];
  /** The project's teams and their role names there. */
  projectTeams: ReadonlyMap<string, readonly string[]>;
  teamName: (teamId: string) => string;
}

/** Own roles ∪ the roles of every team of theirs in the project; organization roles that reach every project are named as such. */
export function effectiveRoles({ orgRoles, ownRoles, teamIds, projectTeams, teamName }: RoleGrants): { projectRoles: string[]; sources: RoleSource[] } {
  const sources: RoleSource[] = ownRoles.map((roleName) => ({ source: 'project', roleName }));
  for (const teamId of teamIds) {
    for (const roleName of projectTeams.get(teamId) ?? []) sources.push({ source: 'team', roleName, teamId, teamName: teamName(teamId) });
  }
  const projectRoles = [...new Set(sources.map((s) => s.roleName))].sort();
  for (const roleName of projectReachingOrgRoles) if (orgRoles.includes(roleName)) sources.push({ source: 'organization', roleName });
  return { projectRoles, sources };
}
