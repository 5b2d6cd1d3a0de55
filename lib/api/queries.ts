// TanStack Query options and mutation calls for the console's API, with keys from general to specific.
import { queryOptions } from '@tanstack/react-query';
import { callApi } from './client';
import { apiKey, apiKeyList, groupList, type CreateKeyBody, type UpdateRolesBody } from './schemas';

export const queryKeys = {
  groups: () => ['groups'] as const,
  projectKeys: (groupId: string) => ['groups', groupId, 'apiKeys'] as const,
  orgKeys: (orgId: string) => ['orgs', orgId, 'apiKeys'] as const,
};

export const groupsQuery = () =>
  queryOptions({ queryKey: queryKeys.groups(), queryFn: ({ signal }) => callApi('/api/groups', groupList, { signal }) });

export const projectKeysQuery = (groupId: string) =>
  queryOptions({
    queryKey: queryKeys.projectKeys(groupId),
    queryFn: ({ signal }) => callApi(`/api/groups/${groupId}/apiKeys`, apiKeyList, { signal }),
  });

export const orgKeysQuery = (orgId: string) =>
  queryOptions({
    queryKey: queryKeys.orgKeys(orgId),
    queryFn: ({ signal }) => callApi(`/api/orgs/${orgId}/apiKeys`, apiKeyList, { signal }),
  });

export const createKey = (groupId: string, body: CreateKeyBody) =>
  callApi(`/api/groups/${groupId}/apiKeys`, apiKey, { method: 'POST', body: JSON.stringify(body) });

export const setKeyRoles = (groupId: string, apiKeyId: string, body: UpdateRolesBody) =>
  callApi(`/api/groups/${groupId}/apiKeys/${apiKeyId}`, apiKey, { method: 'PATCH', body: JSON.stringify(body) });

export const unassignKey = (groupId: string, apiKeyId: string) =>
  callApi(`/api/groups/${groupId}/apiKeys/${apiKeyId}`, null, { method: 'DELETE' });
