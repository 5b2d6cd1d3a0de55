// When each key of a project was last used, as its access list records it: the contract of GET /api/groups/{groupId}/keyUsage.
import { z } from 'zod';
import { objectId } from './object-id-schema';

export const keyUsage = z.object({
  apiKeyId: objectId,
  /** The latest use any access list entry records; absent when none does. */
  lastUsed: z.iso.datetime().optional(),
  lastUsedAddress: z.string().optional(),
  /** Entries on the key's access list; 0 = usable from anywhere, and the upstream records no use of it. */
  accessListEntries: z.number().int().nonnegative(),
});
export type KeyUsage = z.infer<typeof keyUsage>;

/** The project's keys whose access list could be read; a key left out has unknown usage. */
export const keyUsageList = z.object({ results: z.array(keyUsage) });
export type KeyUsageList = z.infer<typeof keyUsageList>;
