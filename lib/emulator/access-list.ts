// Access list entries of API keys and service accounts: whether a caller's address is admitted (one address, or an IPv4
// CIDR block), and the entry an address or block written by a client stands for.
import type { SeedAccessListEntry } from './seed';

function ipv4ToNumber(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

export function addressInEntry(address: string, entry: Pick<SeedAccessListEntry, 'cidrBlock' | 'ipAddress'>): boolean {
  if (entry.ipAddress === address) return true;
  const [base = '', bitsText = ''] = entry.cidrBlock.split('/');
  const bits = Number(bitsText);
  const a = ipv4ToNumber(address);
  const b = ipv4ToNumber(base);
  if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return entry.cidrBlock === address;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
}

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** Written out in full: the specification's `ipAddress` pattern admits no `::` shorthand. */
const ipv6 = /^([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}$/;

/**
 * The entry an address or a CIDR block written by a client stands for: one address is kept with its /32 (or /128)
 * block, as the upstream lists it. Undefined when the text is neither.
 */
export function accessListEntryOf(text: string): { cidrBlock: string; ipAddress?: string } | undefined {
  if (ipv4.test(text)) return { cidrBlock: `${text}/32`, ipAddress: text };
  if (ipv6.test(text)) return { cidrBlock: `${text}/128`, ipAddress: text };
  const [base = '', bits = '', extra] = text.split('/');
  if (extra !== undefined || !/^\d{1,3}$/.test(bits)) return undefined;
  if (ipv4.test(base) && Number(bits) <= 32) return { cidrBlock: text };
  if (ipv6.test(base) && Number(bits) <= 128) return { cidrBlock: text };
  return undefined;
}
