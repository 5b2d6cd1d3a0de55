// What marks an audit row, a key's or a service account's, in the matrix, the organization-wide band and the by-project
// list: tests and the bench find a row by its kind and id.
import type { AuditRow } from './analyze-report';

export function rowMarks(row: Pick<AuditRow, 'kind' | 'id'>) {
  const account = row.kind === 'serviceAccount';
  return { 'data-kind': row.kind, 'data-key-id': account ? undefined : row.id, 'data-client-id': account ? row.id : undefined };
}
