// The console's own HTTP contract: what the browser and scripts send and receive (DESIGN §4).
import { z } from 'zod';
import { objectId } from './object-id-schema';
import { hasControlCharacter, utf16Length } from './text-rules';

export const roleAssignment = z.object({
  groupId: objectId.optional(),
  orgId: objectId.optional(),
  roleName: z.string().min(1),
});
export type RoleAssignment = z.infer<typeof roleAssignment>;

/** The Admin API's key object without `links`; `privateKey` is redacted except in the answer that created it. */
export const apiKey = z.object({
  id: objectId,
  desc: z.string(),
  publicKey: z.string(),
  privateKey: z.string(),
  roles: z.array(roleAssignment),
  /** How many projects the key also has roles in that the signed-in person may not see (their roles are left out). */
  hiddenProjects: z.number().int().positive().optional(),
});
export type ApiKey = z.infer<typeof apiKey>;

export const apiKeyList = z.object({ results: z.array(apiKey), totalCount: z.number().int().nonnegative() });
export type ApiKeyList = z.infer<typeof apiKeyList>;

const roleName = z
  .string()
  .regex(/^[A-Z][A-Z_]{0,63}$/, 'must be a role name such as GROUP_READ_ONLY');

export const roleNames = z
  .array(roleName)
  .min(1, 'at least one role is required')
  .max(32)
  .refine((roles) => new Set(roles).size === roles.length, 'roles must not repeat');

export const keyDescription = z
  .string()
  .refine((text) => !hasControlCharacter(text), 'the description must not contain control characters')
  .trim()
  .min(1, 'the description must not be empty')
  .refine((text) => utf16Length(text) <= 250, 'the description must be at most 250 characters (an emoji counts as two)');

export const createKeyBody = z.strictObject({ desc: keyDescription, roles: roleNames });
export type CreateKeyBody = z.infer<typeof createKeyBody>;

export const updateRolesBody = z.strictObject({
  roles: roleNames,
  /** The roles the editor saw; when the key's current roles differ, the answer is 409 ROLES_CHANGED. */
  expectedRoles: z.array(roleName).max(32).optional(),
});
export type UpdateRolesBody = z.infer<typeof updateRolesBody>;

export const groupPath = z.strictObject({ groupId: objectId });
export const groupKeyPath = z.strictObject({ groupId: objectId, apiKeyId: objectId });
export const orgPath = z.strictObject({ orgId: objectId });

/**
 * Where one of the person's roles in a project comes from: granted to them there (`project`), held by a team of theirs
 * (`team`), or an organization role that reaches into every project (`organization`: Organization Owner or Read Only).
 */
export const roleSource = z.discriminatedUnion('source', [
  z.object({ source: z.literal('project'), roleName: z.string() }),
  z.object({ source: z.literal('team'), roleName: z.string(), teamId: objectId, teamName: z.string() }),
  z.object({ source: z.literal('organization'), roleName: z.string() }),
]);
export type RoleSource = z.infer<typeof roleSource>;

/** A project as the signed-in person sees it. */
export const groupSummary = z.object({
  id: objectId,
  name: z.string(),
  orgId: objectId,
  /** Their project roles there: their own and their teams'. */
  myRoles: z.array(z.string()),
  /** Every grant behind their access, organization roles that imply it included. */
  roleSources: z.array(roleSource),
  canManageKeys: z.boolean(),
});
export type GroupSummary = z.infer<typeof groupSummary>;

export const groupList = z.object({
  orgId: objectId,
  orgName: z.string(),
  results: z.array(groupSummary),
  totalCount: z.number().int().nonnegative(),
});
export type GroupList = z.infer<typeof groupList>;

/** The one error shape, the Admin API's own. */
export const apiErrorBody = z.object({
  error: z.number().int(),
  errorCode: z.string(),
  detail: z.string(),
  reason: z.string(),
  parameters: z.array(z.unknown()).optional(),
  /** ROLES_CHANGED carries the key's current roles in the project. */
  currentRoles: z.array(z.string()).optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
