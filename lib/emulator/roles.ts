// The emulator's own role catalogue, written from the Admin API documentation: the console's `lib/roles` is what the tests check, so it cannot be their oracle.

/** The catalogues the emulator's surfaces speak; it cannot tell Cloud Manager from Ops Manager, so `/api/public/v1.0` speaks Cloud Manager's. */
export type Catalogue = 'cloud-manager' | 'atlas-v1' | 'atlas-v2';

/** Cloud Manager's project roles (Ops Manager's are the same without GROUP_BILLING_ADMIN). */
const cloudManager = [
  'GROUP_AUTOMATION_ADMIN',
  'GROUP_BACKUP_ADMIN',
  'GROUP_BILLING_ADMIN',
  'GROUP_CHARTS_ADMIN',
  'GROUP_DATA_ACCESS_ADMIN',
  'GROUP_DATA_ACCESS_READ_ONLY',
  'GROUP_DATA_ACCESS_READ_WRITE',
  'GROUP_MONITORING_ADMIN',
  'GROUP_OWNER',
  'GROUP_READ_ONLY',
  'GROUP_USER_ADMIN',
];

/** Atlas's project roles, from the updateApiKeyRoles documentation; Atlas has no GROUP_USER_ADMIN. */
const atlas = [
  'GROUP_BACKUP_MANAGER',
  'GROUP_CLUSTER_MANAGER',
  'GROUP_DATA_ACCESS_ADMIN',
  'GROUP_DATA_ACCESS_READ_ONLY',
  'GROUP_DATA_ACCESS_READ_WRITE',
  'GROUP_DATABASE_ACCESS_ADMIN',
  'GROUP_OBSERVABILITY_VIEWER',
  'GROUP_OWNER',
  'GROUP_READ_ONLY',
  'GROUP_SEARCH_INDEX_EDITOR',
  'GROUP_STREAM_PROCESSING_OWNER',
];

/** The project roles a key, a user or a team may be granted on each surface; any other name is INVALID_ROLE_FOR_GROUP. */
export const projectRolesByCatalogue: Record<Catalogue, ReadonlySet<string>> = {
  'cloud-manager': new Set(cloudManager),
  'atlas-v1': new Set(atlas),
  'atlas-v2': new Set(atlas),
};

export const grantsInProject = (catalogue: Catalogue, roleName: string): boolean => projectRolesByCatalogue[catalogue].has(roleName);

/** The Admin API's permission table for a project's keys: Project Owner or Project User Admin may create, change and unassign. */
export const keyManagerRoles: ReadonlySet<string> = new Set(['GROUP_OWNER', 'GROUP_USER_ADMIN']);
