// The role catalog of every upstream flavor: API names, human labels and privilege tiers, shared by server and browser.

export const flavors = ['cloud-manager', 'ops-manager', 'atlas-v1', 'atlas-v2'] as const;
export type Flavor = (typeof flavors)[number];

/** access: can grant access to others; write: can change data or configuration; read: can only look. */
export const tiers = ['access', 'write', 'read'] as const;
export type Tier = (typeof tiers)[number];
export type RoleTier = Tier | 'unknown';

export const tierLabels: Record<RoleTier, string> = {
  access: 'Grants access',
  write: 'Admin or write',
  read: 'Read only',
  unknown: 'Unknown role',
};

interface RoleInfo {
  label: string;
  tier: Tier;
}

const projectRoles = {
  GROUP_OWNER: { label: 'Project Owner', tier: 'access' },
  GROUP_USER_ADMIN: { label: 'Project User Admin', tier: 'access' },
  GROUP_ACCESS_MANAGER: { label: 'Project Access Manager', tier: 'access' },
  GROUP_AUTOMATION_ADMIN: { label: 'Project Automation Admin', tier: 'write' },
  GROUP_BACKUP_ADMIN: { label: 'Project Backup Admin', tier: 'write' },
  GROUP_BACKUP_MANAGER: { label: 'Project Backup Manager', tier: 'write' },
  GROUP_BILLING_ADMIN: { label: 'Project Billing Admin', tier: 'write' },
  GROUP_CHARTS_ADMIN: { label: 'Project Charts Admin', tier: 'write' },
  GROUP_CLUSTER_MANAGER: { label: 'Project Cluster Manager', tier: 'write' },
  GROUP_DATA_ACCESS_ADMIN: { label: 'Project Data Access Admin', tier: 'write' },
  GROUP_DATABASE_ACCESS_ADMIN: { label: 'Project Database Access Admin', tier: 'write' },
  GROUP_DATA_ACCESS_READ_WRITE: { label: 'Project Data Access Read/Write', tier: 'write' },
  GROUP_MONITORING_ADMIN: { label: 'Project Monitoring Admin', tier: 'write' },
  GROUP_SEARCH_INDEX_EDITOR: { label: 'Project Search Index Editor', tier: 'write' },
  GROUP_STREAM_PROCESSING_OWNER: { label: 'Project Stream Processing Owner', tier: 'write' },
  GROUP_DATA_ACCESS_READ_ONLY: { label: 'Project Data Access Read Only', tier: 'read' },
  GROUP_OBSERVABILITY_VIEWER: { label: 'Project Observability Viewer', tier: 'read' },
  GROUP_READ_ONLY: { label: 'Project Read Only', tier: 'read' },
} as const satisfies Record<string, RoleInfo>;

const orgRoles = {
  ORG_OWNER: { label: 'Organization Owner', tier: 'access' },
  ORG_GROUP_CREATOR: { label: 'Organization Project Creator', tier: 'write' },
  ORG_BILLING_ADMIN: { label: 'Organization Billing Admin', tier: 'write' },
  ORG_BILLING_READ_ONLY: { label: 'Organization Billing Read Only', tier: 'read' },
  ORG_READ_ONLY: { label: 'Organization Read Only', tier: 'read' },
  ORG_MEMBER: { label: 'Organization Member', tier: 'read' },
} as const satisfies Record<string, RoleInfo>;

export type ProjectRoleName = keyof typeof projectRoles;

const cloudManagerProjectRoles: readonly ProjectRoleName[] = [
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

const atlasProjectRoles: readonly ProjectRoleName[] = [
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

/** The project roles a key may be *granted* in each flavor; anything else is refused before the upstream. */
export const grantableProjectRoles: Record<Flavor, readonly ProjectRoleName[]> = {
  'cloud-manager': cloudManagerProjectRoles,
  'ops-manager': cloudManagerProjectRoles.filter((r) => r !== 'GROUP_BILLING_ADMIN'),
  'atlas-v1': atlasProjectRoles,
  'atlas-v2': atlasProjectRoles,
};

export function isGrantable(flavor: Flavor, roleName: string): roleName is ProjectRoleName {
  return (grantableProjectRoles[flavor] as readonly string[]).includes(roleName);
}

const catalog: Record<string, RoleInfo> = { ...projectRoles, ...orgRoles };

/** Label and tier of any role name; unknown names (newer roles, Ops Manager GLOBAL_*) stay visible as themselves. */
export function describeRole(roleName: string): { name: string; label: string; tier: RoleTier } {
  const info = catalog[roleName];
  return info ? { name: roleName, ...info } : { name: roleName, label: roleName, tier: 'unknown' };
}

const tierRank: Record<RoleTier, number> = { access: 3, write: 2, read: 1, unknown: 0 };

/** The highest tier among roles, or undefined for none. */
export function highestTier(roleNames: Iterable<string>): RoleTier | undefined {
  let best: RoleTier | undefined;
  for (const name of roleNames) {
    const tier = describeRole(name).tier;
    if (!best || tierRank[tier] > tierRank[best]) best = tier;
  }
  return best;
}

export function compareTiers(a: RoleTier | undefined, b: RoleTier | undefined): number {
  return (a ? tierRank[a] : -1) - (b ? tierRank[b] : -1);
}

/**
 * Roles that let a person (or key) manage the project's keys: the seed's table (Project Owner, Project User Admin) and
 * the v2 specification's x-rolesRequirements, which name "Project Access Manager" for creating, changing and
 * removing a project's keys.
 */
export const keyManagerProjectRoles: readonly string[] = ['GROUP_OWNER', 'GROUP_USER_ADMIN', 'GROUP_ACCESS_MANAGER'];
/** The specification's "Project Owner" for a project's service accounts: creating, changing, removing, secrets. */
export const serviceAccountManagerProjectRoles: readonly string[] = ['GROUP_OWNER'];
export const accessGrantingRoles: readonly string[] = ['ORG_OWNER', 'GROUP_OWNER', 'GROUP_USER_ADMIN', 'GROUP_ACCESS_MANAGER'];
