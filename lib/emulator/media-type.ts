// Atlas v2's dated media types (`application/vnd.atlas.YYYY-MM-DD+json`): which version an Accept header asks for.
const versioned = /^application\/vnd\.atlas\.(\d{4})-(\d{2})-(\d{2})\+json$/;

/** The first resource version of v2; earlier dates never existed. */
const firstVersion = '2023-01-01';

export const mediaTypeOf = (version: string) => `application/vnd.atlas.${version}+json`;

/** Today's date in UTC as YYYY-MM-DD: a version dated later has not been published. */
const today = () => new Date().toISOString().slice(0, 10);

function realDate(year: string, month: string, day: string): boolean {
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${year}-${month}-${day}`);
}

/**
 * The version date of the first dated media type in Accept, or undefined when there is none or its date is not a
 * real, published one — the upstream answers both with 406 INVALID_VERSION_DATE.
 */
export function requestedVersion(accept: string | undefined): string | undefined {
  for (const range of (accept ?? '').split(',')) {
    const type = range.split(';')[0]?.trim().toLowerCase() ?? '';
    const match = versioned.exec(type);
    if (!match) continue;
    const [, year = '', month = '', day = ''] = match;
    const version = `${year}-${month}-${day}`;
    return realDate(year, month, day) && version >= firstVersion && version <= today() ? version : undefined;
  }
  return undefined;
}
