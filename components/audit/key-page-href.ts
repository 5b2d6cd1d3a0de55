// Where a matrix cell leads: the project's page narrowed to that key (by its public key, unique in the organization) or
// to that service account (by its client id, on the service accounts tab).
import type { AuditRow } from './analyze-report';

export function keyPageHref(groupId: string, publicKey: string): string {
  return `/projects/${groupId}?q=${encodeURIComponent(publicKey)}`;
}

export function rowPageHref(row: Pick<AuditRow, 'kind' | 'handle'>, groupId: string): string {
  return row.kind === 'key' ? keyPageHref(groupId, row.handle) : `/projects/${groupId}?view=serviceAccounts&q=${encodeURIComponent(row.handle)}`;
}
