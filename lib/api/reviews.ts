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

/** The matrix as signed: key id → its project roles (groupId → role names, sorted). */
export const reviewSnapshot = z.object({
  keys: z.record(z.string(), z.object({ publicKey: z.string(), desc: z.string(), projects: z.record(z.string(), z.array(z.string())) })),
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

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r, i) => r === b[i]);

/** The differences between a signed snapshot and the matrix now, key by key and project by project. */
export function changesBetween(before: ReviewSnapshot, after: ReviewSnapshot): AssignmentChange[] {
  const changes: AssignmentChange[] = [];
  const ids = new Set([...Object.keys(before.keys), ...Object.keys(after.keys)]);
  for (const id of [...ids].sort()) {
    const was = before.keys[id]?.projects ?? {};
    const is = after.keys[id]?.projects ?? {};
    for (const groupId of [...new Set([...Object.keys(was), ...Object.keys(is)])].sort()) {
      const rolesBefore = [...(was[groupId] ?? [])].sort();
      const rolesAfter = [...(is[groupId] ?? [])].sort();
      if (!sameRoles(rolesBefore, rolesAfter)) changes.push({ kind: 'key', id, groupId, rolesBefore, rolesAfter });
    }
  }
  return changes;
}
