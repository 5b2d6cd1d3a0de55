// Turns a zod failure on a path, query or body into the upstream-style 400 a person can act on.
import 'server-only';
import type { z } from 'zod';
import { consoleError, type ApiError } from '@/lib/console-errors';

/** The Admin API's own codes for the fields it validates, so scripts see the same codes either way. */
const bodyFieldCodes: Record<string, (issue: z.core.$ZodIssue) => 'INVALID_API_KEY_DESC' | 'MISSING_API_KEY_ROLES' | 'INVALID_ROLE_FOR_GROUP'> = {
  desc: () => 'INVALID_API_KEY_DESC',
  roles: (issue) => (issue.code === 'too_small' && issue.path.length === 1 ? 'MISSING_API_KEY_ROLES' : 'INVALID_ROLE_FOR_GROUP'),
};

export function validationError(where: 'path' | 'query' | 'body', error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const detail = `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'}`;
  if (where === 'path') return consoleError('PATH_PARAM_PARSE_ERROR', detail);
  const code = where === 'body' && issue ? bodyFieldCodes[String(issue.path[0])]?.(issue) : undefined;
  return consoleError(code ?? 'VALIDATION_ERROR', where, detail);
}
