// Optimistic edits of a project's cached key list: apply before the request, restore on failure, refresh after.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { orgKeysQuery, projectKeysQuery, queryKeys } from '@/lib/api/queries';
import type { ApiKey, ApiKeyList } from '@/lib/api/schemas';

export interface ProjectRef {
  id: string;
  name: string;
  orgId: string;
}

export function useKeyListCache(project: ProjectRef) {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const { queryKey } = projectKeysQuery(project.id);
    return {
      /** Cancels a refetch in flight (it would overwrite the optimistic list) and returns the list as it was. */
      async apply(update: (list: ApiKeyList) => ApiKeyList): Promise<ApiKeyList | undefined> {
        await queryClient.cancelQueries({ queryKey });
        const previous = queryClient.getQueryData(queryKey);
        if (previous) queryClient.setQueryData(queryKey, update(previous));
        return previous;
      },
      restore(previous: ApiKeyList | undefined) {
        if (previous) queryClient.setQueryData(queryKey, previous);
      },
      /** The project's keys, the organization's keys (counts, assign dialog), the audit and the history all changed. */
      refresh() {
        return Promise.all([
          queryClient.invalidateQueries({ queryKey: queryKeys.group(project.id) }),
          queryClient.invalidateQueries({ queryKey: orgKeysQuery(project.orgId).queryKey }),
          queryClient.invalidateQueries({ queryKey: queryKeys.audit() }),
          queryClient.invalidateQueries({ queryKey: queryKeys.activity() }),
        ]);
      },
    };
  }, [queryClient, project.id, project.orgId]);
}

/** A key with its roles in one project replaced, its other roles kept. */
export function withProjectRoles(key: ApiKey, groupId: string, roles: readonly string[]): ApiKey {
  return { ...key, roles: [...key.roles.filter((r) => r.groupId !== groupId), ...roles.map((roleName) => ({ groupId, roleName }))] };
}

export function replaceKey(list: ApiKeyList, key: ApiKey): ApiKeyList {
  return { ...list, results: list.results.map((k) => (k.id === key.id ? key : k)) };
}

/** What lists may keep of a private key: the form the upstream itself answers with after creation. */
export function redactPrivateKey(key: ApiKey): ApiKey {
  return { ...key, privateKey: `********-****-****-****-${key.privateKey.slice(-12)}` };
}
