// The change history as CSV (RFC 4180) that a spreadsheet opens safely: no cell can start a formula.
import 'server-only';
import type { ChangeRecord } from './change';

const columns = [
  'id',
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
] as const satisfies readonly (keyof ChangeRecord)[];

/** A stored record, or the browser contract's copy of its shape. */
type CsvRecord = { readonly [column in (typeof columns)[number]]: string | readonly string[] | null };

/** Spreadsheets run a cell starting with one of these as a formula (OWASP CSV injection); tab and CR too. */
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: string | readonly string[] | null): string {
  const text = value === null ? '' : typeof value === 'string' ? value : value.join(' ');
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header row, then one row per record; lines end in CRLF as RFC 4180 says. */
export function changesToCsv(records: readonly CsvRecord[]): string {
  const rows = [columns.join(','), ...records.map((record) => columns.map((column) => cell(record[column])).join(','))];
  return `${rows.join('\r\n')}\r\n`;
}
