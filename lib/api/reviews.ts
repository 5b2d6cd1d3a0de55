// Signed-off audit reviews: what a reviewer signs, what is listed, and what changed in the matrix since a review.
import { z } from 'zod';

export const reviewInput = z.strictObject({
  note: z.string().trim().max(1000).optional(),
});
export type ReviewInput = z.infer<typeof reviewInput>;

export const review = z.object({
  id: z.uuid(),
  reviewer: z.string(),
  at: z.iso.datetime(),
  note: z.string().nullable(),
});
export type Review = z.infer<typeof review>;

export const reviewList = z.object({ results: z.array(review), totalCount: z.number().int().nonnegative() });
export type ReviewList = z.infer<typeof reviewList>;

const signedProjects = z.record(z.string(), z.array(z.string()));

/**
 * The matrix as signed: key id → its project roles (groupId → role names, sorted), and the same for service accounts
 * by client id. Reviews signed before service accounts were in the audit have no `serviceAccounts`.
 */
export const reviewSnapshot = z.object({
  keys: z.record(z.string(), z.object({ publicKey: z.string(), desc: z.string(), projects: signedProjects })),
  serviceAccounts: z.record(z.string(), z.object({ name: z.string(), projects: signedProjects })).optional(),
});
export type ReviewSnapshot = z.infer<typeof reviewSnapshot>;

/** One assignment added (rolesBefore empty), removed (rolesAfter empty) or with other roles since the review. */
export const assignmentChange = z.object({
  kind: z.enum(['key', 'serviceAccount']),
  id: z.string(),
  groupId: z.string(),
  rolesBefore: z.array(z.string()),
  rolesAfter: z.array(z.string()),
});
export type AssignmentChange = z.infer<typeof assignmentChange>;

type Signed = Record<string, { projects: Record<string, string[]> }>;

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r, i) => r === b[i]);

function changesOf(kind: AssignmentChange['kind'], before: Signed, after: Signed): AssignmentChange[] {
  const changes: AssignmentChange[] = [];
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const id of [...ids].sort()) {
    const was = before[id]?.projects ?? {};
    const is = after[id]?.projects ?? {};
    for (const groupId of [...new Set([...Object.keys(was), ...Object.keys(is)])].sort()) {
      const rolesBefore = [...(was[groupId] ?? [])].sort();
      const rolesAfter = [...(is[groupId] ?? [])].sort();
      if (!sameRoles(rolesBefore, rolesAfter)) changes.push({ kind, id, groupId, rolesBefore, rolesAfter });
    }
  }
  return changes;
}

/**
 * The differences between a signed snapshot and the matrix now, principal by principal and project by project: keys
 * first, then service accounts — unless the review was signed before they were recorded, when nothing can be said of them.
 */
export function changesBetween(before: ReviewSnapshot, after: ReviewSnapshot): AssignmentChange[] {
  const accounts = before.serviceAccounts ? changesOf('serviceAccount', before.serviceAccounts, after.serviceAccounts ?? {}) : [];
  return [...changesOf('key', before.keys, after.keys), ...accounts];
}
