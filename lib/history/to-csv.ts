// The change history as CSV (RFC 4180) that a spreadsheet opens safely: no cell can start a formula.
import 'server-only';
import { toCsv } from '@/lib/csv';
import type { ChangeRecord } from './change';

const columns = [
  'id',
  'origin',
  'createdAt',
  'completedAt',
  'actor',
  'action',
  'groupId',
  'apiKeyId',
  'publicKey',
  'keyDesc',
  'rolesBefore',
  'rolesAfter',
  'outcome',
  'errorCode',
  'detail',
  'settledBy',
  'eventType',
  'remoteAddress',
  // Added with service accounts, after the columns scripts already read by position.
  'kind',
  'clientId',
  'secretId',
] as const satisfies readonly (keyof ChangeRecord)[];

/** A stored record, or the browser contract's copy of its shape. */
type CsvRecord = { readonly [column in (typeof columns)[number]]: string | readonly string[] | null };

const text = (value: string | readonly string[] | null) => (value === null ? '' : typeof value === 'string' ? value : value.join(' '));

/** A header row, then one row per record; lines end in CRLF as RFC 4180 says. */
export function changesToCsv(records: readonly CsvRecord[]): string {
  return toCsv(columns, records.map((record) => columns.map((column) => text(record[column]))));
}
