// TanStack Query options and mutation calls for the console's API, with keys from general to specific.
import { queryOptions } from '@tanstack/react-query';
import type { ActivityPage, ActivityQuery } from './activity';
import type { AuditReport } from './audit';
import type { KeyUsageList } from './key-usage';
import { callApi } from './client';
import type { Review, ReviewList } from './reviews';
import type { ApiKey, ApiKeyList, CreateKeyBody, GroupList, UpdateRolesBody } from './schemas';

export const queryKeys = {
  groups: () => ['groups'] as const,
  group: (groupId: string) => ['groups', groupId] as const,
  projectKeys: (groupId: string) => ['groups', groupId, 'apiKeys'] as const,
  /** Refreshed with the project after a change; the server reads only the access lists it has not read lately. */
  projectKeyUsage: (groupId: string) => ['groups', groupId, 'keyUsage'] as const,
  orgKeys: (orgId: string) => ['orgs', orgId, 'apiKeys'] as const,
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

/** The report's address; the audit page's server part preloads the same one, so its parameters keep this order. */
export const auditReportUrl = (thresholds: AuditThresholds = {}) => `/api/audit${searchOf({ ...thresholds })}`;

export const reviewsUrl = '/api/audit/reviews';

export const auditReportQuery = (thresholds: AuditThresholds = {}) =>
  queryOptions({
    queryKey: queryKeys.auditReport(thresholds),
    queryFn: ({ signal }) => callApi<AuditReport>(auditReportUrl(thresholds), { signal }),
    // One upstream call per 500 keys; always worth refreshing when the page is opened again.
    staleTime: 0,
  });

export const reviewsQuery = () =>
  queryOptions({ queryKey: queryKeys.reviews(), queryFn: ({ signal }) => callApi<ReviewList>(reviewsUrl, { signal }), retry: false });

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
