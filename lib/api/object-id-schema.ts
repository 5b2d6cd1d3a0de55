// The upstream's 24-hex identifier as a zod schema, for the contracts that validate ids from outside.
import { z } from 'zod';
import { objectIdPattern } from './ids';

export const objectId = z.string().regex(objectIdPattern, 'must be 24 lowercase hexadecimal digits');
