// The permission table: what a person's roles let them do with a project's API keys and service accounts.
import 'server-only';
import { keyManagerProjectRoles, serviceAccountManagerProjectRoles } from '@/lib/roles';

export interface Permissions {
  /** "Any role in the Project": retrieve the project's API keys and service accounts. */
  canRead: boolean;
  /** Project Owner, Project User Admin or Project Access Manager: create, update, delete, assign and unassign keys. */
  canManageKeys: boolean;
  /** The specification's "Project Owner": create service accounts, change their roles, remove them, rotate secrets. */
  canManageServiceAccounts: boolean;
  /** Organization Owner only: bring an organization's existing service account into the project. */
  canInviteServiceAccounts: boolean;
}

/** Organization roles that reach into every project: Owner with every right, Read Only with reading. */
export const projectReachingOrgRoles = ['ORG_OWNER', 'ORG_READ_ONLY'] as const;

/** Organization Owners have Project Owner rights in every project of their organization; Organization Read Only may read them all. */
export function decide(orgRoles: readonly string[], projectRoles: readonly string[]): Permissions {
  const orgOwner = orgRoles.includes('ORG_OWNER');
  return {
    canRead: orgOwner || orgRoles.includes('ORG_READ_ONLY') || projectRoles.length > 0,
    canManageKeys: orgOwner || projectRoles.some((r) => keyManagerProjectRoles.includes(r)),
    canManageServiceAccounts: orgOwner || projectRoles.some((r) => serviceAccountManagerProjectRoles.includes(r)),
    canInviteServiceAccounts: orgOwner,
  };
}
