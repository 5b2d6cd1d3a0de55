// Assigning an organization key or replacing a key's roles in the project (one PATCH), shown in the table before the answer.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ApiCallError } from '@/lib/api/client';
import { setKeyRoles } from '@/lib/api/queries';
import type { ApiKey, ApiKeyList } from '@/lib/api/schemas';
import { notifyFailure, notifySuccess } from './notify-failure';
import { redactPrivateKey, replaceKey, useKeyListCache, withProjectRoles, type ProjectRef } from './use-key-list-cache';

export interface SetRolesVariables {
  key: ApiKey;
  roles: string[];
  /** The roles the person saw; [] when assigning. A different current state answers 409 ROLES_CHANGED. */
  expectedRoles: string[];
}

export function useSetRoles(project: ProjectRef, mode: 'assign' | 'edit') {
  const cache = useKeyListCache(project);
  // The form says why a save failed; only when it was closed meanwhile does a notification say it instead.
  const formShown = useRef(false);
  useEffect(() => {
    formShown.current = true;
    return () => {
      formShown.current = false;
    };
  }, []);
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
      await cache.apply((list) => replaceKey(list, redactPrivateKey(saved)));
      notifySuccess(mode === 'assign' ? 'Key assigned' : 'Roles saved', `${saved.desc} (${saved.publicKey})`);
    },
    onError: (error, _variables, context) => {
      cache.restore(context?.previous);
      if (formShown.current) return;
      notifyFailure(
        isRolesChanged(error) ? 'Someone changed these roles meanwhile' : mode === 'assign' ? 'The key was not assigned' : 'The roles were not saved',
        error,
      );
    },
    onSettled: () => cache.refresh(),
  });
}

export function isRolesChanged(error: unknown): error is ApiCallError {
  return error instanceof ApiCallError && error.body.errorCode === 'ROLES_CHANGED';
}
