// Creating a key: a placeholder row at once, the real row when the server answers; the private key never enters the list cache.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiCallError } from '@/lib/api/client';
import { createKey, mutationKeys } from '@/lib/api/queries';
import type { ApiKey, ApiKeyList, CreateKeyBody } from '@/lib/api/schemas';
import { pendingIdPrefix } from './key-row-model';
import { redactPrivateKey, useKeyListCache, withProjectRoles, type ProjectRef } from './use-key-list-cache';

export function useCreateKey(project: ProjectRef) {
  const cache = useKeyListCache(project);
  const queryClient = useQueryClient();
  const mutation = useMutation<ApiKey, ApiCallError, CreateKeyBody, { previous: ApiKeyList | undefined; placeholderId: string }>({
    mutationKey: mutationKeys.createKey(project.id),
    mutationFn: (body) => createKey(project.id, body),
    // The answer holds the private key: keep the finished mutation no longer than the dialog shows it.
    gcTime: 0,
    onMutate: async (body) => {
      const placeholderId = `${pendingIdPrefix}${crypto.randomUUID()}`;
      const placeholder = withProjectRoles({ id: placeholderId, desc: body.desc, publicKey: '', privateKey: '', roles: [] }, project.id, body.roles);
      const previous = await cache.apply((list) => ({ results: [placeholder, ...list.results], totalCount: list.totalCount + 1 }));
      return { previous, placeholderId };
    },
    onSuccess: async (created, _body, context) => {
      await cache.apply((list) => ({
        ...list,
        results: list.results.map((k) => (k.id === context.placeholderId ? redactPrivateKey(created) : k)),
      }));
    },
    // The dialog cannot be closed while this runs, so its form says why it failed.
    onError: (_error, _body, context) => cache.restore(context?.previous),
    onSettled: () => cache.refresh(),
  });

  const { reset } = mutation;
  /** Forgets the answer, and with it the private key, in this hook and in the mutation cache. */
  const forget = useCallback(() => {
    reset();
    const mutations = queryClient.getMutationCache();
    for (const finished of mutations.findAll({ mutationKey: mutationKeys.createKey(project.id) })) mutations.remove(finished);
  }, [reset, queryClient, project.id]);

  return { mutation, forget };
}
