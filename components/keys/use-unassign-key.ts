// Unassigning a key from the project: the row goes at once and comes back if the server refuses.
import { useMutation } from '@tanstack/react-query';
import type { ApiCallError } from '@/lib/api/client';
import { unassignKey } from '@/lib/api/queries';
import type { ApiKey, ApiKeyList } from '@/lib/api/schemas';
import { notifySuccess } from './notify-failure';
import { useKeyListCache, type ProjectRef } from './use-key-list-cache';

export function useUnassignKey(project: ProjectRef) {
  const cache = useKeyListCache(project);
  return useMutation<void, ApiCallError, ApiKey, { previous: ApiKeyList | undefined }>({
    mutationFn: async (key) => {
      await unassignKey(project.id, key.id);
    },
    onMutate: async (key) => {
      const previous = await cache.apply((list) => ({ results: list.results.filter((k) => k.id !== key.id), totalCount: list.totalCount - 1 }));
      return { previous };
    },
    onSuccess: (_nothing, key) => notifySuccess('Key unassigned', `${key.desc} (${key.publicKey}) is no longer in ${project.name}.`),
    // The dialog cannot be closed while this runs, so it says why it failed.
    onError: (_error, _key, context) => cache.restore(context?.previous),
    onSettled: () => cache.refresh(),
  });
}
