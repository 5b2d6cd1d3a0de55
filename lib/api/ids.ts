// The upstream's 24-hex identifiers; the only way an id from outside may reach an upstream path.
import { z } from 'zod';

export const objectIdPattern = /^[a-f0-9]{24}$/;

export const objectId = z.string().regex(objectIdPattern, 'must be 24 lowercase hexadecimal digits');

export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && objectIdPattern.test(value);
}
