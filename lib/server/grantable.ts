// Refines a body with roles so that only roles of the upstream flavor's catalog can be granted.
import 'server-only';
import type { z } from 'zod';
import { isGrantable } from '@/lib/roles';
import { getAtlas } from '@/lib/services';

export function grantable<T extends { roles: string[] }>(schema: z.ZodType<T>): z.ZodType<T> {
  return schema.superRefine((body, ctx) => {
    const { flavor } = getAtlas();
    body.roles.forEach((role, i) => {
      if (!isGrantable(flavor, role)) {
        ctx.addIssue({ code: 'custom', path: ['roles', i], message: `${role} is not a project role that can be granted on ${flavor}` });
      }
    });
  });
}
