// The audit report's contract: every key's roles in every project the person may see, and what is risky.
import { z } from 'zod';
import { objectId } from './object-id-schema';
import { assignmentChange } from './reviews';
import { clientId, serviceAccountSecret } from './service-accounts';

export const auditQuery = z.strictObject({
  /** A key in more than this many projects counts as far-reaching. */
  manyProjects: z.coerce.number().int().min(0).max(10_000).default(3),
  /** A project with more than this many Project Owner keys counts as over-owned. */
  manyOwnerKeys: z.coerce.number().int().min(0).max(10_000).default(2),
  /** More than this many Organization Owners, keys and service accounts together (the console's own key included), is too many. */
  manyOrgOwnerKeys: z.coerce.number().int().min(0).max(10_000).default(2),
  /** A key with usage data and no use in this many days or more counts as unused. */
  unusedDays: z.coerce.number().int().min(1).max(10_000).default(90),
  /** A review's id: the answer then lists what changed in the matrix since it was signed. */
  since: z.uuid().optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditKey = z.object({
  id: objectId,
  desc: z.string(),
  publicKey: z.string(),
  orgRoles: z.array(z.string()),
  /** groupId → this key's role names there; projects without a role are absent. */
  projects: z.record(z.string(), z.array(z.string())),
  /** The key the console itself signs in with: its Organization Owner role is expected, not a risk. */
  isConsoleKey: z.boolean().optional(),
  /** The latest use any access list entry records; absent when none does (or the list could not be read). */
  lastUsed: z.iso.datetime().optional(),
  lastUsedAddress: z.string().optional(),
  /** Entries on the key's access list; 0 = usable from anywhere, and no usage data. Absent when unknown. */
  accessListEntries: z.number().int().nonnegative().optional(),
});
export type AuditKey = z.infer<typeof auditKey>;

/** A service account beside the keys: its roles per visible project and its secrets (never their values). */
export const auditServiceAccount = z.object({
  clientId,
  name: z.string(),
  description: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  /** Its organization roles (the organization's list of accounts); Organization Owner or Read Only reach every project. */
  orgRoles: z.array(z.string()),
  /** groupId → its role names there; projects without a role are absent. */
  projects: z.record(z.string(), z.array(z.string())),
  secrets: z.array(serviceAccountSecret.omit({ secret: true })),
  /** The latest use of any of its secrets; absent when none was ever used. */
  lastUsed: z.iso.datetime({ offset: true }).optional(),
  /** Entries on its access list (read through the organization); 0 = usable from any address. Absent when it could not be read. */
  accessListEntries: z.number().int().nonnegative().optional(),
});
export type AuditServiceAccount = z.infer<typeof auditServiceAccount>;

export const auditReport = z.object({
  generatedAt: z.iso.datetime(),
  thresholds: z.object({ manyProjects: z.number(), manyOwnerKeys: z.number(), manyOrgOwnerKeys: z.number(), unusedDays: z.number() }),
  projects: z.array(z.object({ id: objectId, name: z.string() })),
  keys: z.array(auditKey),
  /** Empty where the upstream has none (Ops Manager, Atlas v1.0). */
  serviceAccounts: z.array(auditServiceAccount),
  /** With `since`: assignments added, removed or changed since that review (among the projects shown). */
  changesSince: z.array(assignmentChange).optional(),
  summary: z.object({
    keys: z.number(),
    accessGrantingKeys: z.number(),
    keysInNoProject: z.number(),
    /** Reach counts the projects the person can see, not all of the organization's. */
    keysInManyProjects: z.number(),
    /** Projects with more Project Owner grants made in them than the threshold. */
    projectsWithManyOwnerKeys: z.number(),
    /** API keys holding Organization Owner: owner rights in every project, counted once. */
    orgWideOwnerKeys: z.number(),
    /** Service accounts holding Organization Owner; with `orgWideOwnerKeys`, what `manyOrgOwnerKeys` is judged on. */
    orgWideOwnerServiceAccounts: z.number(),
    /** Keys with usage data, and service accounts (whose secrets always record use), with no use for `unusedDays` or more. */
    unused: z.number(),
    /** Keys without an access list: usable from any address. */
    keysWithoutAccessList: z.number(),
    /** Service accounts without an access list, among those whose list was read. */
    serviceAccountsWithoutAccessList: z.number(),
    serviceAccounts: z.number(),
    /** Service accounts with a secret expired or expiring within 7 days. */
    expiringSecrets: z.number(),
  }),
});
export type AuditReport = z.infer<typeof auditReport>;
