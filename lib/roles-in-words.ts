// A person's or key's roles as words a newcomer reads at a glance: "Project Owner of Storefront Production; Organization Member".
import { describeRole } from './roles';

interface HeldRole {
  groupId?: string;
  orgId?: string;
  roleName: string;
}

function joinAnd(words: readonly string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Project roles grouped per project (named by projectName, or by id when unknown), then organization roles. */
export function rolesInWords(roles: readonly HeldRole[], projectName: (groupId: string) => string | undefined): string {
  const perProject = new Map<string, string[]>();
  const inOrg: string[] = [];
  for (const role of roles) {
    const { label } = describeRole(role.roleName);
    if (!role.groupId) {
      inOrg.push(role.roleName === 'ORG_OWNER' ? `${label} (every project)` : label);
      continue;
    }
    const project = projectName(role.groupId) ?? `project ${role.groupId}`;
    perProject.set(project, [...(perProject.get(project) ?? []), label]);
  }
  const parts = [...perProject].map(([project, labels]) => `${joinAnd(labels)} of ${project}`);
  if (inOrg.length > 0) parts.push(joinAnd(inOrg));
  return parts.join('; ') || 'no role';
}
