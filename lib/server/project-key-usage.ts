// GET /api/groups/{groupId}/keyUsage: when each key of the project was last used, from the audit's shared usage answers.
import 'server-only';
import type { KeyUsageList } from '@/lib/api/key-usage';
import { keyUsage } from './key-usage';
import { getAtlas } from '@/lib/services';

/**
 * The project's key list (one call, which also limits the answer to keys assigned here), then each key's access
 * list unless the audit or another view read it within the usage window: 1 + (keys not read lately) calls, 8 at a time.
 */
export async function listProjectKeyUsage(groupId: string): Promise<KeyUsageList> {
  const atlas = getAtlas();
  const keys = await atlas.listProjectKeys(groupId);
  const usage = await keyUsage(atlas, keys.results.map((key) => key.id));
  return { results: [...usage].map(([apiKeyId, each]) => ({ apiKeyId, ...each })) };
}
