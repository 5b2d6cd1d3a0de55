// How the audit names the keys and service accounts it counts together: the organization-wide ones, and the Organization
// Owners judged against one threshold.
import type { OrgOwnerCounts } from './analyze-report';

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 keys and 1 service account"; a kind there is none of is left out ("2 keys"), and none at all is "0 keys". */
export function keysAndAccountsText(keys: number, accounts: number): string {
  if (accounts === 0) return counted(keys, 'key', 'keys');
  const accountText = counted(accounts, 'service account', 'service accounts');
  return keys === 0 ? accountText : `${counted(keys, 'key', 'keys')} and ${accountText}`;
}

/** "3 Organization Owner keys" while no service account is one; "4 Organization Owners (3 keys and 1 service account)" once one is. */
export function orgOwnersText({ keys, accounts }: OrgOwnerCounts): string {
  if (accounts === 0) return `${keys} Organization Owner ${keys === 1 ? 'key' : 'keys'}`;
  const total = keys + accounts;
  return `${total} Organization ${total === 1 ? 'Owner' : 'Owners'} (${keysAndAccountsText(keys, accounts)})`;
}
