// The request bodies of the key operations: JSON, a description and a list of project roles valid on the surface.
import { z } from 'zod';
import { apiError } from './errors';
import { grantsInProject } from './roles';
import type { Surface } from './surfaces';

/** The parsed JSON body; an empty body is undefined. */
export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw apiError('VALIDATION_ERROR', 'the request body is not valid JSON');
  }
}

const jsonObject = z.record(z.string(), z.unknown());

export function parseObjectBody(body: string): Record<string, unknown> {
  const parsed = jsonObject.safeParse(parseJsonBody(body));
  if (!parsed.success) throw apiError('VALIDATION_ERROR', 'the request body must be a JSON object');
  return parsed.data;
}

const descSchema = z.string().refine((d) => d.trim().length > 0 && d.length <= 250);

export function parseDesc(value: unknown): string {
  const parsed = descSchema.safeParse(value);
  if (!parsed.success) throw apiError('INVALID_API_KEY_DESC');
  return parsed.data;
}

const roleNames = z.array(z.string());

/** At least one role, each grantable in a project on this surface (the state drops duplicates). */
export function parseProjectRoles(value: unknown, surface: Surface): string[] {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) throw apiError('MISSING_API_KEY_ROLES');
  const parsed = roleNames.safeParse(value);
  if (!parsed.success) throw apiError('VALIDATION_ERROR', 'roles must be an array of role names');
  for (const roleName of parsed.data) {
    if (roleName.startsWith('ORG_')) throw apiError('CANNOT_ADD_ORG_ROLE', roleName);
    if (!grantsInProject(surface.flavor, roleName)) throw apiError('INVALID_ROLE_FOR_GROUP', roleName);
  }
  return parsed.data;
}
