// zod schemas of what the Admin API sends; parsing strips `links` and turns anything unexpected into an invalid-response error.
import 'server-only';
import { z } from 'zod';
import { objectId } from '@/lib/api/object-id-schema';
import { invalidResponse } from './errors';

export const wireRole = z.object({
  groupId: objectId.optional(),
  orgId: objectId.optional(),
  roleName: z.string().min(1),
});

export const wireKey = z.object({
  id: objectId,
  desc: z.string(),
  publicKey: z.string(),
  privateKey: z.string(),
  roles: z.array(wireRole),
});

/** A secret as the upstream lists it; `secret` only in the answer that created it. */
export const wireSecret = z.object({
  id: objectId,
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).optional(),
  maskedSecretValue: z.string().optional(),
  secret: z.string().min(1).optional(),
});

/** GroupServiceAccount / OrgServiceAccount; `id` (the client id) lets paging check the list like any other. */
export const wireServiceAccount = z
  .object({
    clientId: z.string().regex(/^mdb_sa_id_[a-fA-F\d]{24}$/),
    name: z.string(),
    description: z.string().default(''),
    createdAt: z.iso.datetime({ offset: true }),
    roles: z.array(z.string().min(1)).default([]),
    secrets: z.array(wireSecret).default([]),
  })
  .transform((account) => ({ ...account, id: account.clientId }));

/** One project of a service account with its roles there; `id` is the project's. */
export const wireServiceAccountProject = z
  .object({ groupId: objectId, roles: z.array(z.string().min(1)).default([]) })
  .transform(({ groupId, roles }) => ({ id: groupId, roles }));

export const wireOrg = z.object({ id: objectId, name: z.string() });

export const wireProject = z.object({ id: objectId, name: z.string(), orgId: objectId });

export const wireTeam = z.object({ id: objectId, name: z.string() });

/** v1.0's pending invitations: a plain array, not a page. */
export const wireInvitations = z.array(z.object({ username: z.string().min(1) }));

/** A team's roles in one project; `id` is the team's, so that paging can check the list like any other. */
export const wireProjectTeam = z
  .object({ teamId: objectId, roleNames: z.array(z.string().min(1)) })
  .transform(({ teamId, roleNames }) => ({ id: teamId, roleNames }));

const pageOf = <T extends z.ZodType>(item: T) => z.object({ results: z.array(item), totalCount: z.number().int().nonnegative() });
const pages = new WeakMap<z.ZodType, ReturnType<typeof pageOf>>();

/** The page schema of an item schema, built once: building zod schemas costs more than a page view can spare. */
export function wirePage<T extends z.ZodType>(item: T): ReturnType<typeof pageOf<T>> {
  let page = pages.get(item);
  if (!page) {
    page = pageOf(item);
    pages.set(item, page);
  }
  return page as ReturnType<typeof pageOf<T>>;
}

export const wireToken = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().regex(/^bearer$/i),
});

/** The Admin API's error shape; every field may be missing. */
export const wireError = z.object({
  error: z.number().int().optional(),
  errorCode: z.string().min(1).optional(),
  detail: z.string().min(1).optional(),
  reason: z.string().min(1).optional(),
});

/** Names where the answer went wrong but never quotes it: a create answer holds a private key. */
export function parseWire<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.code}`);
  throw invalidResponse(what, problems.join('; '));
}
