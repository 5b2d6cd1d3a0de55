// The upstream's 24-hex identifiers; the only way an id from outside may reach an upstream path. Free of zod so
// the browser can check an id without loading it (the schema is in object-id-schema.ts).

export const objectIdPattern = /^[a-f0-9]{24}$/;

export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && objectIdPattern.test(value);
}
