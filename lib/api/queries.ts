// TanStack Query options and mutation calls for the console's API, with keys from general to specific.
import { queryOptions } from '@tanstack/react-query';
import type { ActivityQuery } from './activity';
import { callApi } from './client';
import type { CreateKeyBody, UpdateRolesBody } from './schemas';
import type { CreateSecretBody, CreateServiceAccountBody, InviteServiceAccountBody } from './service-accounts';

export const queryKeys = {
  groups: () => ['groups'] as const,
  group: (groupId: string) => ['groups', groupId] as const,
  projectKeys: (groupId: string) => ['groups', groupId, 'apiKeys'] as const,
  orgKeys: (orgId: string) => ['orgs', orgId, 'apiKeys'] as const,
  serviceAccounts: (groupId: string) => ['groups', groupId, 'serviceAccounts'] as const,
  orgServiceAccounts: (orgId: string) => ['orgs', orgId, 'serviceAccounts'] as const,
  /** Every audit report; a key change anywhere makes all of them stale. */
  audit: () => ['audit'] as const,
  auditReport: (thresholds: AuditThresholds) => ['audit', thresholds] as const,
  reviews: () => ['audit', 'reviews'] as const,
  /** Every page of the change history; a mutation invalidates them all. */
  activity: () => ['activity'] as const,
  activityPage: (filters: ActivityFilters) => ['activity', filters] as const,
};

/** The audit's risk thresholds as the page sends them; absent values take the server's defaults. */
export interface AuditThresholds {
  manyProjects?: number;
  manyOwnerKeys?: number;
  manyOrgOwnerKeys?: number;
  unusedDays?: number;
  /** A review's id: the report then carries changesSince. */
  since?: string;
}

/** The change history's filters and page as the page sends them (never `format`: the CSV is a download). */
export type ActivityFilters = Partial<Omit<ActivityQuery, 'format'>>;

/** A query string from defined values only, in a stable order. */
function searchOf(values: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const activityUrl = (filters: ActivityFilters, format: 'json' | 'csv' = 'json') =>
  `/api/activity${searchOf({ ...filters, format: format === 'csv' ? 'csv' : undefined })}`;

/** Mutation keys, so a finished mutation (and the private key it returned) can be found and dropped. */
export const mutationKeys = {
  createKey: (groupId: string) => ['groups', groupId, 'apiKeys', 'create'] as const,
  /** Creating an account or a secret: the answer holds a secret value. */
  createSecret: (groupId: string) => ['groups', groupId, 'serviceAccounts', 'secret'] as const,
};

export const groupsQuery = () =>
  queryOptions({ queryKey: queryKeys.groups(), queryFn: ({ signal }) => callApi('/api/groups', 'groupList', { signal }) });

export const projectKeysQuery = (groupId: string) =>
  queryOptions({
    queryKey: queryKeys.projectKeys(groupId),
    queryFn: ({ signal }) => callApi(`/api/groups/${groupId}/apiKeys`, 'apiKeyList', { signal }),
  });

export const orgKeysQuery = (orgId: string) =>
  queryOptions({
    queryKey: queryKeys.orgKeys(orgId),
    queryFn: ({ signal }) => callApi(`/api/orgs/${orgId}/apiKeys`, 'apiKeyList', { signal }),
  });

export const auditReportQuery = (thresholds: AuditThresholds = {}) =>
  queryOptions({
    queryKey: queryKeys.auditReport(thresholds),
    queryFn: ({ signal }) => callApi(`/api/audit${searchOf({ ...thresholds })}`, 'auditReport', { signal }),
    // One upstream call per 500 keys; always worth refreshing when the page is opened again.
    staleTime: 0,
  });

export const reviewsQuery = () =>
  queryOptions({ queryKey: queryKeys.reviews(), queryFn: ({ signal }) => callApi('/api/audit/reviews', 'reviewList', { signal }), retry: false });

export const signReview = (note: string) =>
  callApi('/api/audit/reviews', 'review', { method: 'POST', body: JSON.stringify(note ? { note } : {}) });

export const activityPageQuery = (filters: ActivityFilters = {}) =>
  queryOptions({
    queryKey: queryKeys.activityPage(filters),
    queryFn: ({ signal }) => callApi(activityUrl(filters), 'activityPage', { signal }),
    staleTime: 0,
  });

export const createKey = (groupId: string, body: CreateKeyBody) =>
  callApi(`/api/groups/${groupId}/apiKeys`, 'apiKey', { method: 'POST', body: JSON.stringify(body) });

export const setKeyRoles = (groupId: string, apiKeyId: string, body: UpdateRolesBody) =>
  callApi(`/api/groups/${groupId}/apiKeys/${apiKeyId}`, 'apiKey', { method: 'PATCH', body: JSON.stringify(body) });

export const unassignKey = (groupId: string, apiKeyId: string) =>
  callApi(`/api/groups/${groupId}/apiKeys/${apiKeyId}`, null, { method: 'DELETE' });

export const serviceAccountsQuery = (groupId: string) =>
  queryOptions({
    queryKey: queryKeys.serviceAccounts(groupId),
    queryFn: ({ signal }) => callApi(`/api/groups/${groupId}/serviceAccounts`, 'serviceAccountList', { signal }),
    // SERVICE_ACCOUNTS_UNAVAILABLE is an answer, not a hiccup: asking again will not change it.
    retry: false,
  });

export const orgServiceAccountsQuery = (orgId: string) =>
  queryOptions({
    queryKey: queryKeys.orgServiceAccounts(orgId),
    queryFn: ({ signal }) => callApi(`/api/orgs/${orgId}/serviceAccounts`, 'serviceAccountList', { signal }),
  });

const accountPath = (groupId: string, clientId: string) => `/api/groups/${groupId}/serviceAccounts/${clientId}`;

export const createServiceAccount = (groupId: string, body: CreateServiceAccountBody) =>
  callApi(`/api/groups/${groupId}/serviceAccounts`, 'serviceAccount', { method: 'POST', body: JSON.stringify(body) });

export const setServiceAccountRoles = (groupId: string, clientId: string, body: UpdateRolesBody) =>
  callApi(accountPath(groupId, clientId), 'serviceAccount', { method: 'PATCH', body: JSON.stringify(body) });

export const removeServiceAccount = (groupId: string, clientId: string) => callApi(accountPath(groupId, clientId), null, { method: 'DELETE' });

export const inviteServiceAccount = (groupId: string, clientId: string, body: InviteServiceAccountBody) =>
  callApi(`${accountPath(groupId, clientId)}/invite`, 'serviceAccount', { method: 'POST', body: JSON.stringify(body) });

export const createSecret = (groupId: string, clientId: string, body: CreateSecretBody) =>
  callApi(`${accountPath(groupId, clientId)}/secrets`, 'serviceAccountSecret', { method: 'POST', body: JSON.stringify(body) });

export const deleteSecret = (groupId: string, clientId: string, secretId: string) =>
  callApi(`${accountPath(groupId, clientId)}/secrets/${secretId}`, null, { method: 'DELETE' });
