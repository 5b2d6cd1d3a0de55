// RFC 4180 CSV that a spreadsheet opens safely, for the browser's exports and the server's: quoted where needed, no cell can start a formula.
/** Spreadsheets run a cell starting with one of these as a formula (OWASP CSV injection); tab and CR too. */
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The header row first; lines end in CRLF as RFC 4180 says. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
