// The audit report's contract: every key's roles in every project the person may see, and what is risky.
import { z } from 'zod';
import { objectId } from './object-id-schema';

export const auditQuery = z.strictObject({
  /** A key in more than this many projects counts as far-reaching. */
  manyProjects: z.coerce.number().int().min(0).max(10_000).default(3),
  /** A project with more than this many owner-level keys counts as over-owned. */
  manyOwnerKeys: z.coerce.number().int().min(0).max(10_000).default(2),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditKey = z.object({
  id: objectId,
  desc: z.string(),
  publicKey: z.string(),
  orgRoles: z.array(z.string()),
  /** groupId → this key's role names there; projects without a role are absent. */
  projects: z.record(z.string(), z.array(z.string())),
});
export type AuditKey = z.infer<typeof auditKey>;

export const auditReport = z.object({
  generatedAt: z.iso.datetime(),
  thresholds: z.object({ manyProjects: z.number(), manyOwnerKeys: z.number() }),
  projects: z.array(z.object({ id: objectId, name: z.string() })),
  keys: z.array(auditKey),
  summary: z.object({
    keys: z.number(),
    accessGrantingKeys: z.number(),
    keysInNoProject: z.number(),
    keysInManyProjects: z.number(),
    projectsWithManyOwnerKeys: z.number(),
  }),
});
export type AuditReport = z.infer<typeof auditReport>;
