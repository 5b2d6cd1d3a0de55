import { describe, expect, it } from 'vitest';
import { isCrossSite } from './same-origin';

const req = (headers: Record<string, string>) => new Request('http://localhost:3000/api/x', { method: 'POST', headers });

describe('isCrossSite', () => {
  it.each([
    [{ 'sec-fetch-site': 'same-origin' }, false],
    [{ 'sec-fetch-site': 'none' }, false],
    [{ 'sec-fetch-site': 'cross-site' }, true],
    [{ 'sec-fetch-site': 'same-site' }, true],
    [{ origin: 'http://localhost:3000', host: 'localhost:3000' }, false],
    [{ origin: 'https://evil.example', host: 'localhost:3000' }, true],
    [{ origin: 'null', host: 'localhost:3000' }, true],
    [{ host: 'localhost:3000' }, false],
  ])('%j → %s', (headers, expected) => {
    expect(isCrossSite(req(headers))).toBe(expected);
  });
});
