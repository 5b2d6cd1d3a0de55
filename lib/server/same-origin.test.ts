import { describe, expect, it } from 'vitest';
import type { HostPolicy } from '@/lib/host-rules';
import { isCrossSite } from './same-origin';

const req = (headers: Record<string, string>, url = 'http://localhost:3000/api/x') => new Request(url, { method: 'POST', headers });

const configured: HostPolicy = { publicUrl: 'https://keys.example.com', embedded: false, trustProxy: false };
const unconfigured: HostPolicy = { publicUrl: undefined, embedded: false, trustProxy: false };
const behindProxy: HostPolicy = { publicUrl: undefined, embedded: false, trustProxy: true };
const embedded: HostPolicy = { publicUrl: 'http://localhost:3000', embedded: true, trustProxy: false };

describe('isCrossSite', () => {
  it.each<[string, HostPolicy, Record<string, string>, boolean]>([
    ['neither Origin nor Sec-Fetch-Site', unconfigured, { host: 'localhost:3000' }, true],
    ['Sec-Fetch-Site same-origin alone', unconfigured, { 'sec-fetch-site': 'same-origin' }, false],
    ['Sec-Fetch-Site none (not a page of the console)', unconfigured, { 'sec-fetch-site': 'none' }, true],
    ['Sec-Fetch-Site cross-site', unconfigured, { 'sec-fetch-site': 'cross-site' }, true],
    ['Sec-Fetch-Site same-site (a sibling subdomain)', unconfigured, { 'sec-fetch-site': 'same-site' }, true],
    ['same-origin but a foreign Origin', configured, { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }, true],
    ['Origin = NEXTAUTH_URL', configured, { origin: 'https://keys.example.com', host: 'internal:3000' }, false],
    ['Origin = NEXTAUTH_URL with its default port spelled out', configured, { origin: 'https://keys.example.com:443' }, false],
    ['Origin with another scheme', configured, { origin: 'http://keys.example.com' }, true],
    ['Origin with another port', configured, { origin: 'https://keys.example.com:8443' }, true],
    ['Origin = the Host when NEXTAUTH_URL is configured elsewhere', configured, { origin: 'http://localhost:3000', host: 'localhost:3000' }, true],
    ['Origin = own Host, nothing configured', unconfigured, { origin: 'http://localhost:3000', host: 'localhost:3000' }, false],
    ['Origin null', unconfigured, { origin: 'null', host: 'localhost:3000' }, true],
    ['Origin unparseable', unconfigured, { origin: 'http://[', host: 'localhost:3000' }, true],
    ['forged X-Forwarded-Host without a trusted proxy', unconfigured, { origin: 'https://evil.example', host: 'localhost:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }, true],
    ['X-Forwarded-Host and -Proto from a trusted proxy', behindProxy, { origin: 'https://keys.example.com', host: 'localhost:3000', 'x-forwarded-host': 'keys.example.com', 'x-forwarded-proto': 'https' }, false],
    ['trusted proxy, Origin with the wrong scheme', behindProxy, { origin: 'http://keys.example.com', host: 'localhost:3000', 'x-forwarded-host': 'keys.example.com', 'x-forwarded-proto': 'https' }, true],
    ['embedded: Origin 127.0.0.1 on the same port', embedded, { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }, false],
    ['embedded: Origin of a rebound DNS name', embedded, { origin: 'http://evil.example:3000', host: 'evil.example:3000' }, true],
  ])('%s', (_, policy, headers, expected) => {
    expect(isCrossSite(req(headers), policy)).toBe(expected);
  });
});
