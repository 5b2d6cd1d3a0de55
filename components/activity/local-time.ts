// Converts between ISO instants (URL, API) and the browser's datetime-local input value in the person's time zone.
const pad = (n: number) => String(n).padStart(2, '0');

export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value is read as local time; an empty or partial value is no bound. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A “to” bound covers the whole minute picked, so a change at 10:04:35 is within “to 10:04”. */
export function endOfMinute(iso: string | undefined): string | undefined {
  return iso === undefined ? undefined : new Date(Date.parse(iso) + 59_999).toISOString();
}
