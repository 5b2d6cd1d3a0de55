// Whether a caller's address is admitted by an API key's access list entry: one address, or an IPv4 CIDR block.
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

export function addressInEntry(address: string, entry: SeedAccessListEntry): boolean {
  if (entry.ipAddress === address) return true;
  const [base = '', bitsText = ''] = entry.cidrBlock.split('/');
  const bits = Number(bitsText);
  const a = ipv4ToNumber(address);
  const b = ipv4ToNumber(base);
  if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return entry.cidrBlock === address;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
}
