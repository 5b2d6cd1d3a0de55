// The console's contract for a project's service accounts (DESIGN §7): the account, its secrets, and what may be sent.
import { z } from 'zod';
import { objectId } from './object-id-schema';
import { roleNames } from './schemas';
import { hasControlCharacter } from './text-rules';

/** `mdb_sa_id_` and 24 hex digits: the only client id that may reach an upstream path. */
export const clientIdPattern = /^mdb_sa_id_[a-f0-9]{24}$/;
export const clientId = z.string().regex(clientIdPattern, 'must be mdb_sa_id_ followed by 24 lowercase hexadecimal digits');

/** Atlas's bounds for a secret's lifetime; an organization may lower the ceiling, and the upstream then says so. */
export const secretLifetime = { minHours: 8, maxHours: 365 * 24, defaultHours: 30 * 24 } as const;

/** A secret as listed: `secret` (the value) only in the answer that created it. */
export const serviceAccountSecret = z.object({
  id: objectId,
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).optional(),
  maskedSecretValue: z.string().optional(),
  secret: z.string().optional(),
});
export type ServiceAccountSecret = z.infer<typeof serviceAccountSecret>;

/** `roles` are the account's roles in this project (in the organization, in the organization's list). */
export const serviceAccount = z.object({
  clientId,
  name: z.string(),
  description: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  roles: z.array(z.string()),
  secrets: z.array(serviceAccountSecret),
});
export type ServiceAccount = z.infer<typeof serviceAccount>;

export const serviceAccountList = z.object({ results: z.array(serviceAccount), totalCount: z.number().int().nonnegative() });
export type ServiceAccountList = z.infer<typeof serviceAccountList>;

/** The specification's name pattern: letters, digits, spaces and - _ . , ' only. */
export const serviceAccountName = z
  .string()
  .trim()
  .min(1, 'the name must not be empty')
  .max(64, 'the name must be at most 64 characters')
  .regex(/^[\p{L}\p{N}\-_.,' ]*$/u, "the name may hold letters, digits, spaces and - _ . , ' only");

export const serviceAccountDescription = z
  .string()
  .refine((text) => !hasControlCharacter(text), 'the description must not contain control characters')
  .trim()
  .max(250, 'the description must be at most 250 characters');

export const secretExpiresAfterHours = z
  .number()
  .int('the lifetime is a whole number of hours')
  .min(secretLifetime.minHours, `a secret lives at least ${secretLifetime.minHours} hours`)
  .max(secretLifetime.maxHours, `a secret lives at most ${secretLifetime.maxHours} hours (365 days)`);

export const createServiceAccountBody = z.strictObject({
  name: serviceAccountName,
  description: serviceAccountDescription,
  roles: roleNames,
  secretExpiresAfterHours,
});
export type CreateServiceAccountBody = z.infer<typeof createServiceAccountBody>;

export const inviteServiceAccountBody = z.strictObject({ roles: roleNames });
export type InviteServiceAccountBody = z.infer<typeof inviteServiceAccountBody>;

export const createSecretBody = z.strictObject({ secretExpiresAfterHours });
export type CreateSecretBody = z.infer<typeof createSecretBody>;

export const serviceAccountPath = z.strictObject({ groupId: objectId, clientId });
export const secretPath = z.strictObject({ groupId: objectId, clientId, secretId: objectId });

/** The newest use of any of the account's secrets, or undefined when none was ever used. */
export function lastUseOf(account: Pick<ServiceAccount, 'secrets'>): string | undefined {
  return account.secrets.reduce<string | undefined>((latest, s) => (s.lastUsedAt && (!latest || s.lastUsedAt > latest) ? s.lastUsedAt : latest), undefined);
}
