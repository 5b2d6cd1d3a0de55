// The key mutations of a project page: optimistic in the table, rolled back on failure, refreshed after. A failure is
// said once, by the dialog that made the request (it cannot be closed while the request runs); success is a toast.
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ApiCallError } from '@/lib/api/client';
import { createKey, mutationKeys, orgKeysQuery, projectKeysQuery, queryKeys, setKeyRoles, unassignKey } from '@/lib/api/queries';
import type { ApiKey, ApiKeyList, CreateKeyBody } from '@/lib/api/schemas';
import { maskPrivateKey } from '@/lib/private-key-mask';
import { pendingIdPrefix } from './key-row-model';

export interface ProjectRef {
  id: string;
  name: string;
  orgId: string;
}

function useKeyListCache(project: ProjectRef) {
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
function withProjectRoles(key: ApiKey, groupId: string, roles: readonly string[]): ApiKey {
  return { ...key, roles: [...key.roles.filter((r) => r.groupId !== groupId), ...roles.map((roleName) => ({ groupId, roleName }))] };
}

function replaceKey(list: ApiKeyList, key: ApiKey): ApiKeyList {
  return { ...list, results: list.results.map((k) => (k.id === key.id ? key : k)) };
}

/** What lists may keep of a private key: the form the upstream itself answers with after creation. */
const withMaskedPrivateKey = (key: ApiKey): ApiKey => ({ ...key, privateKey: maskPrivateKey(key.privateKey) });

export function notifySuccess(title: string, message: string) {
  notifications.show({ color: 'green', title, message, autoClose: 4000 });
}

/** Creating a key: a placeholder row at once, the real row when the server answers; the private key never enters the list cache. */
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
        results: list.results.map((k) => (k.id === context.placeholderId ? withMaskedPrivateKey(created) : k)),
      }));
    },
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

export interface SetRolesVariables {
  key: ApiKey;
  roles: string[];
  /** The roles the person saw; [] when assigning. A different current state answers 409 ROLES_CHANGED. */
  expectedRoles: string[];
}

/** Assigning an organization key or replacing a key's roles in the project (one PATCH), shown in the table before the answer. */
export function useSetRoles(project: ProjectRef, mode: 'assign' | 'edit') {
  const cache = useKeyListCache(project);
  return useMutation<ApiKey, ApiCallError, SetRolesVariables, { previous: ApiKeyList | undefined }>({
    mutationFn: ({ key, roles, expectedRoles }) => setKeyRoles(project.id, key.id, { roles, expectedRoles }),
    onMutate: async ({ key, roles }) => {
      const updated = withProjectRoles(key, project.id, roles);
      const previous = await cache.apply((list) =>
        mode === 'assign' ? { results: [...list.results, updated], totalCount: list.totalCount + 1 } : replaceKey(list, updated),
      );
      return { previous };
    },
    onSuccess: async (saved) => {
      await cache.apply((list) => replaceKey(list, withMaskedPrivateKey(saved)));
      notifySuccess(mode === 'assign' ? 'Key assigned' : 'Roles saved', `${saved.desc} (${saved.publicKey})`);
    },
    onError: (_error, _variables, context) => cache.restore(context?.previous),
    onSettled: () => cache.refresh(),
  });
}

/** Unassigning a key from the project: the row goes at once and comes back if the server refuses. */
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
    onError: (_error, _key, context) => cache.restore(context?.previous),
    onSettled: () => cache.refresh(),
  });
}
