// What a key's access list says of its use, in words, for the project page and the audit alike.

/** The usage fields of a key; `accessListEntries` absent = its access list could not be read. */
export interface UsageFields {
  lastUsed?: string;
  lastUsedAddress?: string;
  accessListEntries?: number;
}

/** A key without an access list leaves no trace of its use upstream, which is not the same as unused. */
export function lastUseText(usage: UsageFields | undefined): string {
  if (usage?.lastUsed) return `Last used ${usage.lastUsed.slice(0, 10)}${usage.lastUsedAddress ? ` from ${usage.lastUsedAddress}` : ''}`;
  if (usage?.accessListEntries === 0) return 'No usage data (no access list)';
  return usage?.accessListEntries === undefined ? 'Usage unknown' : 'No usage data';
}
