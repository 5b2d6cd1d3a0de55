// The Admin API's permission table, applied to the calling key or service account.
import { keyManagerRoles } from './roles';
import type { SeedProject, SeedRole } from './seed';
import type { EmulatorState } from './state';

/** Who is calling: an API key (Digest) or a service account (bearer token); its roles are read live. */
export interface Principal {
  kind: 'apiKey' | 'serviceAccount';
  /** The key's id or the service account's client id: the rate limiter's bucket. */
  id: string;
  roles: () => readonly SeedRole[];
}

/** Organization roles that reach into every project of the organization. */
const orgWideReaders = new Set(['ORG_OWNER', 'ORG_READ_ONLY']);

/**
 * none: the project is not visible to the caller at all; read: any role in it, or an org owner or read-only;
 * manage: a key manager role in it (Project Owner, User Admin or Access Manager), or Organization Owner.
 */
export function projectAccess(roles: readonly SeedRole[], project: SeedProject): 'none' | 'read' | 'manage' {
  const inProject = roles.filter((r) => r.groupId === project.id).map((r) => r.roleName);
  const inOrg = roles.filter((r) => r.orgId === project.orgId).map((r) => r.roleName);
  if (inOrg.includes('ORG_OWNER') || inProject.some((r) => keyManagerRoles.has(r))) return 'manage';
  if (inProject.length > 0 || inOrg.some((r) => orgWideReaders.has(r))) return 'read';
  return 'none';
}

/** "Project Owner" of the specification's x-rolesRequirements (service accounts): Project Owner there, or Organization Owner. */
export function ownsProject(roles: readonly SeedRole[], project: SeedProject): boolean {
  return roles.some((r) => (r.groupId === project.id && r.roleName === 'GROUP_OWNER') || (r.orgId === project.orgId && r.roleName === 'ORG_OWNER'));
}

/** "Organization Read Only": the organization roles that see all of it. */
export function readsWholeOrg(roles: readonly SeedRole[], orgId: string): boolean {
  return roles.some((r) => r.orgId === orgId && orgWideReaders.has(r.roleName));
}

/** Organization-level reads need any role in the organization, held there or in one of its projects. */
export function isOrgMember(state: EmulatorState, roles: readonly SeedRole[], orgId: string): boolean {
  return roles.some((r) => state.orgOfRole(r) === orgId);
}

/** Creating teams and inviting people needs Organization Owner. */
export function isOrgOwner(roles: readonly SeedRole[], orgId: string): boolean {
  return roles.some((r) => r.orgId === orgId && r.roleName === 'ORG_OWNER');
}
