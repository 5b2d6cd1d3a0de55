// The emulator's own role catalogue, written from the Admin API documentation: the console's `lib/roles` is what the tests check, so it cannot be their oracle.

/** The catalogues the emulator's surfaces speak; it cannot tell Cloud Manager from Ops Manager, so `/api/public/v1.0` speaks Cloud Manager's. */
export type Catalogue = 'cloud-manager' | 'atlas-v1' | 'atlas-v2';

/**
 * Each project role and the products that grant it, from the Admin API documentation: Cloud Manager's list (Ops
 * Manager's is the same without GROUP_BILLING_ADMIN) and Atlas's, from updateApiKeyRoles (Atlas has no GROUP_USER_ADMIN).
 */
const grantedBy: Record<string, readonly ('cloud' | 'atlas')[]> = {
  GROUP_AUTOMATION_ADMIN: ['cloud'],
  GROUP_BACKUP_ADMIN: ['cloud'],
  GROUP_BACKUP_MANAGER: ['atlas'],
  GROUP_BILLING_ADMIN: ['cloud'],
  GROUP_CHARTS_ADMIN: ['cloud'],
  GROUP_CLUSTER_MANAGER: ['atlas'],
  GROUP_DATA_ACCESS_ADMIN: ['cloud', 'atlas'],
  GROUP_DATA_ACCESS_READ_ONLY: ['cloud', 'atlas'],
  GROUP_DATA_ACCESS_READ_WRITE: ['cloud', 'atlas'],
  GROUP_DATABASE_ACCESS_ADMIN: ['atlas'],
  GROUP_MONITORING_ADMIN: ['cloud'],
  GROUP_OBSERVABILITY_VIEWER: ['atlas'],
  GROUP_OWNER: ['cloud', 'atlas'],
  GROUP_READ_ONLY: ['cloud', 'atlas'],
  GROUP_SEARCH_INDEX_EDITOR: ['atlas'],
  GROUP_STREAM_PROCESSING_OWNER: ['atlas'],
  GROUP_USER_ADMIN: ['cloud'],
};

const grantedOn = (product: 'cloud' | 'atlas') =>
  new Set(Object.entries(grantedBy).flatMap(([roleName, products]) => (products.includes(product) ? [roleName] : [])));

/** The project roles a key, a user or a team may be granted on each surface; any other name is INVALID_ROLE_FOR_GROUP. */
export const projectRolesByCatalogue: Record<Catalogue, ReadonlySet<string>> = {
  'cloud-manager': grantedOn('cloud'),
  'atlas-v1': grantedOn('atlas'),
  'atlas-v2': grantedOn('atlas'),
};

export const grantsInProject = (catalogue: Catalogue, roleName: string): boolean => projectRolesByCatalogue[catalogue].has(roleName);

/**
 * The Admin API's permission table for a project's keys: Project Owner or Project User Admin may create, change and
 * unassign; v2's x-rolesRequirements name "Project Access Manager" (GROUP_ACCESS_MANAGER) for the same operations.
 */
export const keyManagerRoles: ReadonlySet<string> = new Set(['GROUP_OWNER', 'GROUP_USER_ADMIN', 'GROUP_ACCESS_MANAGER']);
