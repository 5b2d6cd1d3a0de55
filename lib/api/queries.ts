// TanStack Query options and mutation calls for the console's API, with keys from general to specific.
import { queryOptions } from '@tanstack/react-query';
import type { ActivityPage, ActivityQuery } from './activity';
import type { AuditReport } from './audit';
import type { KeyUsageList } from './key-usage';
import { callApi } from './client';
import type { Review, ReviewList } from './reviews';
import type { ApiKey, ApiKeyList, CreateKeyBody, GroupList, UpdateRolesBody } from './schemas';
import type {
  CreateSecretBody,
  CreateServiceAccountBody,
  InviteServiceAccountBody,
  ServiceAccount,
  ServiceAccountList,
  ServiceAccountSecret,
} from './service-accounts';

export const queryKeys = {
  groups: () => ['groups'] as const,
  group: (groupId: string) => ['groups', groupId] as const,
  projectKeys: (groupId: string) => ['groups', groupId, 'apiKeys'] as const,
  /** Refreshed with the project after a change; the server reads only the access lists it has not read lately. */
  projectKeyUsage: (groupId: string) => ['groups', groupId, 'keyUsage'] as const,
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
  queryOptions({ queryKey: queryKeys.groups(), queryFn: ({ signal }) => callApi<GroupList>('/api/groups', { signal }) });

export const projectKeysQuery = (groupId: string) =>
  queryOptions({
    queryKey: queryKeys.projectKeys(groupId),
    queryFn: ({ signal }) => callApi<ApiKeyList>(`/api/groups/${groupId}/apiKeys`, { signal }),
  });

/** Last use changes slowly and the server reuses each key's answer for 5 minutes; asking again sooner gains nothing. */
export const keyUsageStaleMs = 5 * 60_000;

export const projectKeyUsageQuery = (groupId: string) =>
  queryOptions({
    queryKey: queryKeys.projectKeyUsage(groupId),
    queryFn: ({ signal }) => callApi<KeyUsageList>(`/api/groups/${groupId}/keyUsage`, { signal }),
    staleTime: keyUsageStaleMs,
  });

export const orgKeysQuery = (orgId: string) =>
  queryOptions({
    queryKey: queryKeys.orgKeys(orgId),
    queryFn: ({ signal }) => callApi<ApiKeyList>(`/api/orgs/${orgId}/apiKeys`, { signal }),
  });

/**
 * The audit page's server part builds the report and the reviews for every visit. The browser's copies must stay fresh
 * while its JavaScript loads and runs (seconds on a busy machine), or it asks again for what the HTML brought: a minute, as
 * TanStack Query's SSR guide advises, with room for a browser clock running ahead of the server's. refetchOnMount: false
 * would also skip the refresh of a page Next restores from its router cache (back, forward) with the report it had then.
 * Focus refreshes a copy a minute old; other thresholds, a comparison with a review and a change of keys (which
 * invalidates them) are asked for at once.
 */
const auditStaleMs = 60_000;

const auditReportUrl = (thresholds: AuditThresholds = {}) => `/api/audit${searchOf({ ...thresholds })}`;

const reviewsUrl = '/api/audit/reviews';

export const auditReportQuery = (thresholds: AuditThresholds = {}) =>
  queryOptions({
    queryKey: queryKeys.auditReport(thresholds),
    queryFn: ({ signal }) => callApi<AuditReport>(auditReportUrl(thresholds), { signal }),
    staleTime: auditStaleMs,
  });

export const reviewsQuery = () =>
  queryOptions({ queryKey: queryKeys.reviews(), queryFn: ({ signal }) => callApi<ReviewList>(reviewsUrl, { signal }), retry: false, staleTime: auditStaleMs });

export const signReview = (note: string) =>
  callApi<Review>(reviewsUrl, { method: 'POST', body: JSON.stringify(note ? { note } : {}) });

export const activityPageQuery = (filters: ActivityFilters = {}) =>
  queryOptions({
    queryKey: queryKeys.activityPage(filters),
    queryFn: ({ signal }) => callApi<ActivityPage>(activityUrl(filters), { signal }),
    staleTime: 0,
  });

export const createKey = (groupId: string, body: CreateKeyBody) =>
  callApi<ApiKey>(`/api/groups/${groupId}/apiKeys`, { method: 'POST', body: JSON.stringify(body) });

export const setKeyRoles = (groupId: string, apiKeyId: string, body: UpdateRolesBody) =>
  callApi<ApiKey>(`/api/groups/${groupId}/apiKeys/${apiKeyId}`, { method: 'PATCH', body: JSON.stringify(body) });

export const unassignKey = (groupId: string, apiKeyId: string) =>
  callApi(`/api/groups/${groupId}/apiKeys/${apiKeyId}`, { method: 'DELETE' });

export const serviceAccountsQuery = (groupId: string) =>
  queryOptions({
    queryKey: queryKeys.serviceAccounts(groupId),
    queryFn: ({ signal }) => callApi<ServiceAccountList>(`/api/groups/${groupId}/serviceAccounts`, { signal }),
    // SERVICE_ACCOUNTS_UNAVAILABLE is an answer, not a hiccup: asking again will not change it.
    retry: false,
  });

export const orgServiceAccountsQuery = (orgId: string) =>
  queryOptions({
    queryKey: queryKeys.orgServiceAccounts(orgId),
    queryFn: ({ signal }) => callApi<ServiceAccountList>(`/api/orgs/${orgId}/serviceAccounts`, { signal }),
  });

const accountPath = (groupId: string, clientId: string) => `/api/groups/${groupId}/serviceAccounts/${clientId}`;

export const createServiceAccount = (groupId: string, body: CreateServiceAccountBody) =>
  callApi<ServiceAccount>(`/api/groups/${groupId}/serviceAccounts`, { method: 'POST', body: JSON.stringify(body) });

export const setServiceAccountRoles = (groupId: string, clientId: string, body: UpdateRolesBody) =>
  callApi<ServiceAccount>(accountPath(groupId, clientId), { method: 'PATCH', body: JSON.stringify(body) });

export const removeServiceAccount = (groupId: string, clientId: string) => callApi(accountPath(groupId, clientId), { method: 'DELETE' });

export const inviteServiceAccount = (groupId: string, clientId: string, body: InviteServiceAccountBody) =>
  callApi<ServiceAccount>(`${accountPath(groupId, clientId)}/invite`, { method: 'POST', body: JSON.stringify(body) });

export const createSecret = (groupId: string, clientId: string, body: CreateSecretBody) =>
  callApi<ServiceAccountSecret>(`${accountPath(groupId, clientId)}/secrets`, { method: 'POST', body: JSON.stringify(body) });

export const deleteSecret = (groupId: string, clientId: string, secretId: string) =>
  callApi(`${accountPath(groupId, clientId)}/secrets/${secretId}`, { method: 'DELETE' });
